using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Api.Templates;

/// <summary>GET/POST/PUT/DELETE /api/templates through the local host: field errors, ETag versions, roles.</summary>
[Collection(AppCollection.Name)]
public sealed class TemplatesEndpointsTests(AppHostFixture app)
{
    [Fact]
    public async Task AddTemplate_BadFields_Answers400NamingEachFieldAndWritesNothing()
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/templates", new
        {
            name = "",
            discount = new { type = "percentage", percentage = 150 },
            totalQuantity = 0,
            code = new { mode = "prefix", value = "A B" },
            validity = new { type = "relative", startAfterHours = 1 },
        });
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/templates");

        Assert.Equal(400, status);
        var errors = body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("name", errors);
        Assert.Contains("discount.percentage", errors);
        Assert.Contains("totalQuantity", errors);
        Assert.Contains(errors, e => e.StartsWith("code", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("validity", StringComparison.Ordinal));
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task UpdateTemplate_StaleETag_Answers412AndKeepsTheNewerVersion()
    {
        var bed = await app.NewWorkspaceAsync();
        var (created, etag) = await AddAsync(bed.Admin, Deployments.Template("Mid-year sale"));
        var id = created["id"]!.GetValue<string>();

        var first = await PutAsync(bed.Admin, id, etag, Deployments.Template("Mid-year sale v2"));
        var stale = await PutAsync(bed.Admin, id, etag, Deployments.Template("Mid-year sale v3"));
        var missing = await PutAsync(bed.Admin, id, null, Deployments.Template("Mid-year sale v4"));
        var (_, current) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/templates/{id}");

        Assert.Equal(200, (int)first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.ToString());
        Assert.Equal(412, (int)stale.StatusCode);
        Assert.Equal(428, (int)missing.StatusCode);
        Assert.Equal("Mid-year sale v2", current!["name"]!.GetValue<string>());
        Assert.Equal("mid-year-sale", current["campaign"]!["tag"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteTemplate_ThenGet_Answers404AndListFiltersByCampaign()
    {
        var bed = await app.NewWorkspaceAsync();
        var (kept, _) = await AddAsync(bed.Admin, Deployments.Template("Kept", campaign: "KOL Anna"));
        var (gone, _) = await AddAsync(bed.Admin, Deployments.Template("Gone", campaign: "Newsletter"));

        var (deleted, _) = await bed.Admin.SendJsonAsync(HttpMethod.Delete, $"/api/templates/{gone["id"]}");
        var (afterDelete, _) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/templates/{gone["id"]}");
        var (_, byCampaign) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/templates?campaign=KOL%20Anna");

        Assert.Equal(204, deleted);
        Assert.Equal(404, afterDelete);
        Assert.Equal([kept["id"]!.GetValue<string>()], byCampaign!["items"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AddTemplate_ViewerOrScopedEditor_Answers403AndViewerStillReads()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(902_001);
        var viewer = app.WithKey(await bed.Admin.IssueKeyAsync("viewer"));
        var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("editor", store));
        var (created, _) = await AddAsync(bed.Admin, Deployments.Template("Readable"));

        var (viewerAdd, _) = await viewer.SendJsonAsync(HttpMethod.Post, "/api/templates", Deployments.Template("No"));
        var (scopedAdd, _) = await scoped.SendJsonAsync(HttpMethod.Post, "/api/templates", Deployments.Template("No"));
        var (viewerGet, _) = await viewer.SendJsonAsync(HttpMethod.Get, $"/api/templates/{created["id"]}");

        Assert.Equal(403, viewerAdd);
        Assert.Equal(403, scopedAdd);
        Assert.Equal(200, viewerGet);
    }

    private static async Task<(JsonNode Body, string ETag)> AddAsync(HttpClient client, object template)
    {
        using var response = await client.PostAsJsonAsync("/api/templates", template);
        Assert.Equal(201, (int)response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.ETag!.ToString());
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string id, string? etag, object template)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{id}") { Content = JsonContent.Create(template) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
