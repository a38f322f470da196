using Azure.Data.Tables;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Storage;

namespace CouponFunctions.App.Tests.Api.Stores;

/// <summary>The store functions: validation, conflicts, changes, and that tokens never leave encrypted storage.</summary>
[Collection(AppCollection.Name)]
public sealed class StoresEndpointsTests(AppHostFixture app)
{

    [Fact]
    public async Task Post_BadFields_Answers400NamingEachFieldAndWritesNothing()
    {
        var (_, key) = await app.NewTenantAsync();
        var client = app.WithKey(key);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/stores",
            new { platform = "amazon", site = "SG", shopId = "bad/id", displayName = "", timeZone = "Mars/Base" });

        Assert.Equal(400, status);
        var errors = body!["errors"]!.AsObject();
        Assert.Equal(["displayName", "platform", "shopId", "timeZone"], errors.Select(e => e.Key).Order());
        Assert.Empty((await client.SendJsonAsync(HttpMethod.Get, "/api/stores")).Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task Post_SiteThePlatformDoesNotServe_NamesTheSite()
    {
        var (_, key) = await app.NewTenantAsync();

        var (status, body) = await app.WithKey(key).SendJsonAsync(HttpMethod.Post, "/api/stores",
            new { platform = "lazada", site = "TW", shopId = "1", displayName = "x" });

        Assert.Equal(400, status);
        Assert.Contains("Lazada does not operate in Taiwan", body!["errors"]!["site"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongJsonType_Answers400NamingTheField()
    {
        var (_, key) = await app.NewTenantAsync();

        var (status, body) = await app.WithKey(key).SendJsonAsync(HttpMethod.Post, "/api/stores",
            new { platform = "shopee", site = "SG", shopId = "1", displayName = "x", credentials = new { accessToken = "t", accessTokenExpiresAt = "soon" } });

        Assert.Equal(400, status);
        Assert.True(body!["errors"]!.AsObject().ContainsKey("credentials.accessTokenExpiresAt"));
    }

    [Fact]
    public async Task Post_ValidStore_DefaultsTheSiteZoneAndNeverReturnsOrStoresTheTokenInClear()
    {
        var (tenant, key) = await app.NewTenantAsync();
        const string token = "secret-access-token-value";

        var (status, body) = await app.WithKey(key).SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "tiktok", site = "MY", shopId = "7390", displayName = "Acme MY",
            credentials = new { accessToken = token, accessTokenExpiresAt = "2026-12-01T00:00:00Z", shopCipher = "ROW_cipher" },
        });

        Assert.Equal(201, status);
        Assert.Equal("Asia/Kuala_Lumpur", body!["timeZone"]!.GetValue<string>());
        Assert.True(body["connected"]!.GetValue<bool>());
        Assert.DoesNotContain(token, body.ToJsonString(), StringComparison.Ordinal);
        var table = app.Tables.GetTableClient(TableNames.Stores);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant.Value}")))
        {
            Assert.DoesNotContain(((IDictionary<string, object>)entity).Values, v => v is string s && (s.Contains(token, StringComparison.Ordinal) || s.Contains("ROW_cipher", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Post_SameShopTwice_Answers409()
    {
        var (_, key) = await app.NewTenantAsync();
        var client = app.WithKey(key);
        await client.AddStoreAsync("555");

        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "shopee", site = "TH", shopId = "555", displayName = "again" });

        Assert.Equal(409, status);
        Assert.Single((await client.SendJsonAsync(HttpMethod.Get, "/api/stores")).Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task PatchAndDisable_ExistingStore_ChangeWhatWasAsked()
    {
        var (_, key) = await app.NewTenantAsync();
        var client = app.WithKey(key);
        var id = await client.AddStoreAsync("777");

        var (patched, body) = await client.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{id}", new { displayName = "Renamed", timeZone = "Asia/Ho_Chi_Minh" });
        var (disabled, after) = await client.SendJsonAsync(HttpMethod.Post, $"/api/stores/{id}/disable");

        Assert.Equal(200, patched);
        Assert.Equal("Renamed", body!["displayName"]!.GetValue<string>());
        Assert.Equal(200, disabled);
        Assert.Equal("disabled", after!["status"]!.GetValue<string>());
        Assert.Equal("Asia/Ho_Chi_Minh", after["timeZone"]!.GetValue<string>());
        Assert.Equal(400, (await client.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{id}", new { })).Status);
    }

    [Fact]
    public async Task Health_StorageUp_AnswersHealthyWithEachCheck()
    {
        var (status, body) = await app.Client().SendJsonAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(200, status);
        Assert.Equal("healthy", body!["status"]!.GetValue<string>());
        Assert.Equal(["blobs", "queues", "tables"], body["checks"]!.AsObject().Select(c => c.Key).Order());
    }
}
