using System.Globalization;
using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.App.Tests.Api.Coupons;

/// <summary>
/// Campaigns on coupons: a deployed coupon carries its template's campaign, an operator sets or clears it, the list and
/// export filter and show it, and sync (which the platforms' data drives) neither loses it nor writes anything for it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CouponCampaignTests(AppHostFixture app)
{
    [Fact]
    public async Task Deploy_TemplateWithCampaign_TheCreatedCouponsCarryItInTheListFilterAndExport()
    {
        var bed = await app.NewWorkspaceAsync();
        var th = await bed.AddShopeeStoreAsync(905_101, "TH");
        var sg = await bed.AddShopeeStoreAsync(905_102, "SG");
        bed.SeedVouchers(905_101, 2);
        var template = await bed.Admin.AddTemplateAsync("Campaign sale");

        var (_, started) = await bed.Admin.DeployAsync("campaign-1", new { templateId = template, storeIds = new[] { th, sg }, acknowledgeWarnings = true });
        var job = await bed.Admin.WaitForJobAsync(started!["jobId"]!.GetValue<string>(), () => app.Host.Output);
        var tagged = await WaitForListAsync(bed, "campaign=mid-year-sale", 2);
        var (_, all) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons?pageSize=100");
        var (_, either) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons?campaign=Mid-Year%20Sale,newsletter%20only");
        using var export = await bed.Admin.GetAsync("/api/coupons/export?campaign=mid-year-sale");
        var resync = (await bed.SyncAsync(th))["counts"]!;

        Assert.Equal(2, job["job"]!["counts"]!["succeeded"]!.GetValue<int>());
        var created = Deployments.ItemsByStore(job).Values.Select(i => i["couponId"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(created, tagged.Select(c => c!["platformCouponId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(tagged, c => Assert.Equal("Mid-Year Sale", c!["campaign"]!.GetValue<string>()));
        Assert.Equal(2, all!["items"]!.AsArray().Count(c => c!["campaign"] is null));
        Assert.Equal(2, either!["totalMatched"]!.GetValue<int>());
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",Campaign", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",Mid-Year Sale", l, StringComparison.Ordinal));
        Assert.Equal(0, resync["created"]!.GetValue<int>() + resync["updated"]!.GetValue<int>() + resync["removed"]!.GetValue<int>());
        Assert.Equal(2, (await WaitForListAsync(bed, "campaign=mid-year-sale", 2)).Count);

        // The deploy wizard chooses stores by campaign: both stores carry it; a key scoped to one store sees that one only.
        var (_, campaigns) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/campaigns");
        var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("viewer", th));
        var (_, own) = await scoped.SendJsonAsync(HttpMethod.Get, "/api/campaigns");
        var campaign = Assert.Single(campaigns!["items"]!.AsArray())!;
        Assert.Equal(("Mid-Year Sale", "mid-year-sale", 2), (campaign["name"]!.GetValue<string>(), campaign["tag"]!.GetValue<string>(), campaign["coupons"]!.GetValue<int>()));
        Assert.Equal(new[] { th, sg }.Order(StringComparer.Ordinal), campaign["storeIds"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([th], Assert.Single(own!["items"]!.AsArray())!["storeIds"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task SetCampaign_OperatorTagsAndClears_TheListFollowsAndSyncKeepsIt()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(905_201);
        var vouchers = bed.SeedVouchers(905_201, 3).Select(v => v.VoucherId.ToString(CultureInfo.InvariantCulture)).ToList();
        await bed.SyncAsync(store);
        object Coupons(params string[] ids) => ids.Select(id => new { storeId = store, couponId = id }).ToArray();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/campaign", new { campaign = "KOL Anna", coupons = Coupons(vouchers[0], vouchers[1]) });
        var tagged = await WaitForListAsync(bed, "campaign=kol-anna", 2);
        var (cleared, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/campaign", new { campaign = (string?)null, coupons = Coupons(vouchers[0]) });
        var left = await WaitForListAsync(bed, "campaign=kol-anna", 1);
        var resync = (await bed.SyncAsync(store))["counts"]!;
        var (_, after) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons?campaign=kol-anna");

        Assert.Equal((200, 2, 1), (status, body!["coupons"]!.GetValue<int>(), body["stores"]!.GetValue<int>()));
        Assert.Equal(vouchers.Take(2).Order(StringComparer.Ordinal), tagged.Select(c => c!["platformCouponId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(200, cleared);
        Assert.Equal(vouchers[1], Assert.Single(left)!["platformCouponId"]!.GetValue<string>());
        Assert.Equal(0, resync["created"]!.GetValue<int>() + resync["updated"]!.GetValue<int>());
        Assert.Equal(vouchers[1], Assert.Single(after!["items"]!.AsArray())!["platformCouponId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetCampaign_BadInputOtherStoresOrViewer_IsRefusedAndNothingWritten()
    {
        var bed = await app.NewWorkspaceAsync();
        var mine = await bed.AddShopeeStoreAsync(905_301);
        var other = await bed.AddShopeeStoreAsync(905_302);
        var voucher = bed.SeedVouchers(905_302, 1)[0].VoucherId.ToString(CultureInfo.InvariantCulture);
        await bed.SyncAsync(other);
        using var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("editor", mine));
        using var viewer = app.WithKey(await bed.Admin.IssueKeyAsync("viewer"));
        var request = new { campaign = "Payday", coupons = new[] { new { storeId = other, couponId = voucher } } };

        var (bad, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/campaign",
            new { campaign = "Payday\u202E", coupons = new[] { new { storeId = other, couponId = voucher }, new { storeId = other, couponId = "no-such" } } });
        var (outside, outsideProblem) = await scoped.SendJsonAsync(HttpMethod.Post, "/api/coupons/campaign", request);
        var (forbidden, _) = await viewer.SendJsonAsync(HttpMethod.Post, "/api/coupons/campaign", request);
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons");

        Assert.Equal((400, 400, 403), (bad, outside, forbidden));
        Assert.Equal(["campaign", "coupons[1]"], problem!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["coupons[0]"], outsideProblem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Null(Assert.Single(list!["items"]!.AsArray())!["campaign"]);
    }

    /// <summary>Waits until the list filtered by <paramref name="query"/> holds <paramref name="count"/> coupons (a deploy's sync is queued).</summary>
    private async Task<JsonArray> WaitForListAsync(Workspace bed, string query, int count)
    {
        JsonNode? body = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            (_, body) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?{query}&pageSize=100");
            return body?["items"]?.AsArray().Count == count;
        }, 60), $"The list never held {count} coupons for {query}: {body?.ToJsonString()}\n{Workspace.Tail(app.Host.Output)}");
        return body!["items"]!.AsArray();
    }
}
