using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;

namespace CouponFunctions.App.Tests.Sync;

/// <summary>Sync against the Shopee sandbox in the official shape: get_voucher_list has no minimum spend, cap or items, so
/// sync reads get_voucher for what it does not know, and shows what it could not read as unknown (never zero).</summary>
[Collection(AppCollection.Name)]
public sealed class SyncDetailTests(AppHostFixture app)
{
    [Fact]
    public async Task SyncStore_ListWithoutDetail_ReadsMinSpendCapAndItemsFromGetVoucher()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(780_001, "SG");
        var now = bed.Shopee.Clock.GetUtcNow();
        var capped = bed.Shopee.AddVoucher(780_001, Voucher("PCT", now.AddDays(-1), now.AddDays(5)) with { RewardType = 2, Percentage = 10, DiscountAmount = 0, MaxPrice = 12, MinBasketPrice = 80 });
        var product = bed.Shopee.AddVoucher(780_001, Voucher("PRD", now.AddDays(2), now.AddDays(9)) with { VoucherType = 2, ItemIds = [11, 22] });

        await bed.SyncAsync(store);

        var run = await LatestRunAsync(bed, store);
        Assert.Equal((2, 2), (run["counts"]!["created"]!.GetValue<int>(), run["counts"]!["detailReads"]!.GetValue<int>()));
        var rows = await ListAsync(bed, store);
        Assert.Equal((80m, 12m), (rows["PCT"]["minSpend"]!.GetValue<decimal>(), rows["PCT"]["maxDiscount"]!.GetValue<decimal>()));
        Assert.Null(rows["PCT"]["unknown"]);
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{product.VoucherId}");
        Assert.Equal(["11", "22"], detail!["coupon"]!["productIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(50m, detail["coupon"]!["minSpend"]!.GetValue<decimal>());
        Assert.NotNull(capped);
    }

    [Fact]
    public async Task SyncStore_ResyncWithoutChanges_ReadsOnlyUpcomingDetailsAndWritesNothing()
    {
        // The fixture's slow refresh is ten years: each other voucher's slot of that interval is practically never now
        // (20 vouchers in 350,400 slots), so the re-sync reads exactly the upcoming ones.
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(780_002);
        bed.SeedVouchers(780_002, 30);
        var first = (await bed.SyncAsync(store))["counts"]!;
        bed.Shopee.Stats.Reset();

        await bed.SyncAsync(store);

        var again = (await LatestRunAsync(bed, store))["counts"]!;
        Assert.Equal(30, first["detailReads"]!.GetValue<int>());
        // SeedVouchers makes every third voucher upcoming: those can still be edited, so each sync reads them.
        Assert.Equal(10, again["detailReads"]!.GetValue<int>());
        Assert.Equal(0, again["created"]!.GetValue<int>() + again["updated"]!.GetValue<int>() + again["removed"]!.GetValue<int>());
        Assert.Equal(3 + 10, bed.Shopee.Stats.Calls);
    }

    [Fact]
    public async Task SyncStore_UpcomingVoucherMinSpendEditedInSellerCentre_NextSyncPicksItUp()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(780_003);
        var now = bed.Shopee.Clock.GetUtcNow();
        var upcoming = bed.Shopee.AddVoucher(780_003, Voucher("UP", now.AddDays(2), now.AddDays(9)));
        await bed.SyncAsync(store);
        bed.Shopee.EditVoucher(780_003, upcoming.VoucherId, v => v with { MinBasketPrice = 120 });

        await bed.SyncAsync(store);

        Assert.Equal(1, (await LatestRunAsync(bed, store))["counts"]!["updated"]!.GetValue<int>());
        Assert.Equal(120m, (await ListAsync(bed, store))["UP"]["minSpend"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task SyncStore_DetailCannotBeRead_ShowsUnknownInListAndExportUntilRead()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(780_004, "SG");
        var now = bed.Shopee.Clock.GetUtcNow();
        // Known, $20 off with no minimum spend would be a loss risk ("comes out free"); unknown, it must not be judged.
        bed.Shopee.AddVoucher(780_004, Voucher("FREE", now.AddDays(-1), now.AddDays(5)) with { DiscountAmount = 20, MinBasketPrice = 0 });
        // Every get_voucher of this shop answers a gateway 503 (retries included); its listing keeps working.
        bed.Shopee.Faults.Set(new FaultPlan { ServerErrorRate = 1, OnlyPaths = new HashSet<string> { "/api/v2/voucher/get_voucher" } }, "780004");

        var run = await bed.SyncAsync(store);

        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Contains("could not be read", run["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var row = (await ListAsync(bed, store))["FREE"];
        Assert.Null(row["minSpend"]);
        Assert.Contains("minSpend", row["unknown"]!.GetValue<string>(), StringComparison.Ordinal);
        var csv = await bed.Admin.GetStringAsync($"/api/coupons/export?store={store}");
        Assert.Contains(",unknown,", csv, StringComparison.Ordinal);

        bed.Shopee.Faults.Clear("780004");
        await bed.SyncAsync(store);
        Assert.Equal(0m, (await ListAsync(bed, store))["FREE"]["minSpend"]!.GetValue<decimal>());
    }

    private static ShopeeSandboxVoucher Voucher(string code, DateTimeOffset start, DateTimeOffset end) => new()
    {
        Code = code, Name = $"Voucher {code}", UsageQuantity = 100, DiscountAmount = 5, MinBasketPrice = 50, Start = start, End = end,
    };

    private static async Task<JsonNode> LatestRunAsync(Workspace bed, string store) =>
        (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs")).Body!["items"]![0]!;

    private static async Task<Dictionary<string, JsonNode>> ListAsync(Workspace bed, string store)
    {
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?store={store}&include=archived&pageSize=500");
        return list!["items"]!.AsArray().ToDictionary(r => r!["code"]!.GetValue<string>(), r => r!);
    }
}
