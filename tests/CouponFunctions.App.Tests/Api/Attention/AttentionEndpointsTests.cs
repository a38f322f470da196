using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.App.Tests.Api.Attention;

/// <summary>GET /api/attention and finding acknowledgement over HTTP, on an inspection run stored as the inspection writes it.</summary>
[Collection(AppCollection.Name)]
public sealed class AttentionEndpointsTests(AppHostFixture app)
{
    [Fact]
    public async Task Acknowledge_CriticalFinding_LeavesTheViewUntilItComesBack()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("771001");
        var finding = await SaveRunAsync(bed, store, firstSeen: TimeProvider.System.GetUtcNow().AddHours(-2));

        using var editor = app.WithKey(await bed.Admin.IssueKeyAsync("editor"));

        var before = await AttentionAsync(bed.Admin);
        var (status, ack) = await editor.SendJsonAsync(HttpMethod.Post, "/api/findings/acknowledge", new { storeId = store, findingKey = finding });
        var after = await AttentionAsync(bed.Admin);
        await SaveRunAsync(bed, store, firstSeen: TimeProvider.System.GetUtcNow().AddMinutes(-1));
        var back = await AttentionAsync(bed.Admin);

        var line = Assert.Single(Items(before, "criticalFinding"));
        Assert.Equal((finding, store), (line["key"]!.GetValue<string>(), line["storeId"]!.GetValue<string>()));
        Assert.StartsWith("#/findings?store=", line["link"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, status);
        Assert.Equal("editor key", ack!["by"]!.GetValue<string>());
        Assert.Empty(Items(after, "criticalFinding"));
        Assert.Equal(1, after["acknowledgedFindings"]!.GetValue<int>());
        Assert.Single(Items(back, "criticalFinding"));
    }

    [Fact]
    public async Task Acknowledge_TwiceAndWithdraw_IsSafeAndBringsTheFindingBack()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("771002");
        var finding = await SaveRunAsync(bed, store, firstSeen: TimeProvider.System.GetUtcNow().AddHours(-1));
        var body = new { storeId = store, findingKey = finding, snoozeUntil = TimeProvider.System.GetUtcNow().AddDays(2) };

        var first = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/findings/acknowledge", body);
        var second = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/findings/acknowledge", body);
        var withdrawn = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/findings/unacknowledge", new { storeId = store, findingKey = finding });

        Assert.Equal((200, 200, 204), (first.Status, second.Status, withdrawn.Status));
        Assert.NotNull(second.Body!["snoozedUntil"]);
        Assert.Single(Items(await AttentionAsync(bed.Admin), "criticalFinding"));
    }

    [Theory]
    [InlineData("past", "snoozeUntil")]
    [InlineData("long-key", "findingKey")]
    [InlineData("bad-store", "storeId")]
    public async Task Acknowledge_BadInput_Answers400NamingTheField(string kind, string field)
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("771003");
        var finding = await SaveRunAsync(bed, store, firstSeen: TimeProvider.System.GetUtcNow().AddHours(-1));
        object body = kind switch
        {
            "past" => new { storeId = store, findingKey = finding, snoozeUntil = TimeProvider.System.GetUtcNow().AddDays(-1) },
            "long-key" => new { storeId = store, findingKey = new string('k', 600) },
            _ => new { storeId = "not a store", findingKey = finding },
        };

        var (status, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/findings/acknowledge", body);

        Assert.Equal(400, status);
        Assert.NotNull(problem!["errors"]![field]);
        Assert.Equal(0, (await AttentionAsync(bed.Admin))["acknowledgedFindings"]!.GetValue<int>());
    }

    [Fact]
    public async Task Acknowledge_ViewerKeyOrStoreOutsideScope_IsRefused()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("771004");
        var other = await bed.Admin.AddStoreAsync("771005");
        var finding = await SaveRunAsync(bed, store, firstSeen: TimeProvider.System.GetUtcNow().AddHours(-1));
        using var viewer = app.WithKey(await bed.Admin.IssueKeyAsync("viewer"));
        using var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("editor", other));

        var byViewer = await viewer.SendJsonAsync(HttpMethod.Post, "/api/findings/acknowledge", new { storeId = store, findingKey = finding });
        var byScoped = await scoped.SendJsonAsync(HttpMethod.Post, "/api/findings/acknowledge", new { storeId = store, findingKey = finding });
        var scopedView = await AttentionAsync(scoped);

        Assert.Equal((403, 404), (byViewer.Status, byScoped.Status));
        Assert.Empty(Items(scopedView, "criticalFinding"));
        Assert.Single(Items(await AttentionAsync(bed.Admin), "criticalFinding"));
    }

    private static async Task<JsonNode> AttentionAsync(HttpClient client)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Get, "/api/attention");
        Assert.Equal(200, status);
        return body!;
    }

    private static List<JsonNode> Items(JsonNode attention, string kind) =>
        attention["items"]!.AsArray().Where(i => i!["kind"]!.GetValue<string>() == kind).Select(i => i!).ToList();

    /// <summary>Stores an inspection run with one open critical finding first seen at <paramref name="firstSeen"/>; its key.</summary>
    private async Task<string> SaveRunAsync(Workspace bed, string store, DateTimeOffset firstSeen)
    {
        var storeId = StoreId.Parse(store);
        var finding = new Finding
        {
            Code = FindingCodes.StockOut, Severity = FindingSeverity.Critical, TenantId = bed.Tenant, StoreId = storeId,
            PlatformCouponId = "v-77", CouponName = "Payday", Message = "Out of stock while running.", Action = "Add stock or end it.",
        };
        var now = TimeProvider.System.GetUtcNow();
        var slot = $"{now:yyyy-MM-ddTHH:mm:ss.fff}";
        await app.Services.GetRequiredService<IInspectionRepository>().SaveRunAsync(
            new StoreInspectionRun(bed.Tenant, storeId, slot, now, [new TrackedFinding(finding, FindingState.Ongoing, firstSeen, now)]));
        return finding.Key;
    }
}
