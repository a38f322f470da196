using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Api.Auth;

/// <summary>Keys reach only their tenant, roles limit writes, scoped keys see only their stores (the API key middleware).</summary>
[Collection(AppCollection.Name)]
public sealed class TenantIsolationTests(AppHostFixture app)
{

    [Fact]
    public async Task TenantAKey_TenantBStore_CanNeitherReadNorChangeIt()
    {
        var (_, keyA) = await app.NewTenantAsync();
        var (_, keyB) = await app.NewTenantAsync();
        var storeB = await app.WithKey(keyB).AddStoreAsync("880200001");
        var a = app.WithKey(keyA);

        Assert.Equal(404, (await a.SendJsonAsync(HttpMethod.Get, $"/api/stores/{storeB}")).Status);
        Assert.Equal(404, (await a.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{storeB}", new { displayName = "hijacked" })).Status);
        Assert.Equal(404, (await a.SendJsonAsync(HttpMethod.Post, $"/api/stores/{storeB}/disable")).Status);
        var (_, listA) = await a.SendJsonAsync(HttpMethod.Get, "/api/stores");
        Assert.Empty(listA!["items"]!.AsArray());
        var (_, storeAsB) = await app.WithKey(keyB).SendJsonAsync(HttpMethod.Get, $"/api/stores/{storeB}");
        Assert.Equal("Shop 880200001", storeAsB!["displayName"]!.GetValue<string>());
        Assert.Equal("active", storeAsB["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ViewerKey_Writes_AreForbiddenAndNothingIsWritten()
    {
        var (_, admin) = await app.NewTenantAsync();
        var viewer = app.WithKey(await app.WithKey(admin).IssueKeyAsync("viewer"));

        var (status, body) = await viewer.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "shopee", site = "SG", shopId = "1", displayName = "x" });

        Assert.Equal(403, status);
        Assert.Contains("editor", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(403, (await viewer.SendJsonAsync(HttpMethod.Get, "/api/keys")).Status);
        Assert.Equal(200, (await viewer.SendJsonAsync(HttpMethod.Get, "/api/stores")).Status);
        Assert.Empty((await viewer.SendJsonAsync(HttpMethod.Get, "/api/stores")).Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task ScopedKey_ListAndGet_SeeOnlyItsStores()
    {
        var (_, adminKey) = await app.NewTenantAsync();
        var admin = app.WithKey(adminKey);
        var mine = await admin.AddStoreAsync("880200002");
        var other = await admin.AddStoreAsync("880200003");
        var scoped = app.WithKey(await admin.IssueKeyAsync("editor", mine));

        var (_, list) = await scoped.SendJsonAsync(HttpMethod.Get, "/api/stores");

        Assert.Equal([mine], list!["items"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(404, (await scoped.SendJsonAsync(HttpMethod.Get, $"/api/stores/{other}")).Status);
        Assert.Equal(404, (await scoped.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{other}", new { displayName = "x" })).Status);
        Assert.Equal(200, (await scoped.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{mine}", new { displayName = "Renamed" })).Status);
        Assert.Equal(403, (await scoped.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "lazada", site = "SG", shopId = "9", displayName = "n" })).Status);
        var (_, me) = await scoped.SendJsonAsync(HttpMethod.Get, "/api/me");
        Assert.Equal([mine], me!["storeScope"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("cfk_t-nobody_k0123456789ab_0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task MissingOrUnknownKey_AnyApiRoute_Answers401(string? key)
    {
        var client = key is null ? app.Client() : app.WithKey(key);

        var response = await client.GetAsync("/api/stores");

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RevokedKey_NextRequest_Answers401()
    {
        var (_, adminKey) = await app.NewTenantAsync();
        var admin = app.WithKey(adminKey);
        var (_, issued) = await admin.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "temp", role = "viewer" });
        var temp = app.WithKey(issued!["key"]!.GetValue<string>());
        Assert.Equal(200, (await temp.SendJsonAsync(HttpMethod.Get, "/api/stores")).Status);

        Assert.Equal(204, (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/keys/{issued["details"]!["id"]!.GetValue<string>()}")).Status);

        Assert.Equal(401, (await temp.SendJsonAsync(HttpMethod.Get, "/api/stores")).Status);
    }

    [Fact]
    public async Task KeyList_AfterIssuing_NeverShowsSecrets()
    {
        var (_, adminKey) = await app.NewTenantAsync();
        var admin = app.WithKey(adminKey);
        var issued = await admin.IssueKeyAsync("editor");

        var (_, list) = await admin.SendJsonAsync(HttpMethod.Get, "/api/keys");

        var text = list!.ToJsonString();
        Assert.DoesNotContain(issued.Split('_')[3], text, StringComparison.Ordinal);
        Assert.DoesNotContain(adminKey.Split('_')[3], text, StringComparison.Ordinal);
        Assert.Equal(2, list["items"]!.AsArray().Count);
    }
}
