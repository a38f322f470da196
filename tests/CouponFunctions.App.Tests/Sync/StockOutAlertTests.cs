using System.Globalization;
using Azure.Data.Tables;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage;

namespace CouponFunctions.App.Tests.Sync;

/// <summary>Stock that just hit zero on an ongoing coupon raises one immediate alert per episode.</summary>
[Collection(AppCollection.Name)]
public sealed class StockOutAlertTests(AppHostFixture app)
{
    [Fact]
    public async Task Sync_OngoingCouponRunsOut_AlertsOnceUntilStockComesBack()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(720_001);
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" } });
        var now = bed.Shopee.Clock.GetUtcNow();
        var voucher = bed.Shopee.AddVoucher(720_001, new ShopeeSandboxVoucher
        {
            Code = "FLASH", Name = "Flash 10 off", UsageQuantity = 50, CurrentUsage = 49, DiscountAmount = 10, MinBasketPrice = 100,
            Start = now.AddDays(-1), End = now.AddDays(3),
        });
        await bed.SyncAsync(store);
        Assert.Empty(await StockOutAlertsAsync(bed));

        bed.Shopee.SetUsage(720_001, voucher.VoucherId, 50);
        await bed.SyncAsync(store);
        await bed.SyncAsync(store);
        bed.Shopee.EditVoucher(720_001, voucher.VoucherId, v => v with { Name = "Flash 10 off (last call)" });
        await bed.SyncAsync(store);

        var alerts = await StockOutAlertsAsync(bed);
        var alert = Assert.Single(alerts);
        Assert.Equal(["ops@example.com"], alert!["to"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("Flash 10 off", alert["subject"]!.GetValue<string>(), StringComparison.Ordinal);

        bed.Shopee.EditVoucher(720_001, voucher.VoucherId, v => v with { UsageQuantity = 80 });
        await bed.SyncAsync(store);
        bed.Shopee.SetUsage(720_001, voucher.VoucherId, 80);
        await bed.SyncAsync(store);

        Assert.Equal(2, (await StockOutAlertsAsync(bed)).Count);
    }

    [Fact]
    public async Task Sync_FirstImportAlreadyOutOfStock_DoesNotAlert()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(720_002);
        var now = bed.Shopee.Clock.GetUtcNow();
        bed.Shopee.AddVoucher(720_002, new ShopeeSandboxVoucher
        {
            Code = "GONE", Name = "Gone before we came", UsageQuantity = 20, CurrentUsage = 20, DiscountAmount = 5, MinBasketPrice = 60,
            Start = now.AddDays(-2), End = now.AddDays(2),
        });

        await bed.SyncAsync(store);

        Assert.Empty(await StockOutAlertsAsync(bed));
    }

    [Fact]
    public async Task Sync_AfterARunThatFailedBeforeDeliveringItsAlert_DeliversIt()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(720_003);
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" } });
        var now = bed.Shopee.Clock.GetUtcNow();
        var voucher = bed.Shopee.AddVoucher(720_003, new ShopeeSandboxVoucher
        {
            Code = "LASTTEN", Name = "Last ten", UsageQuantity = 10, CurrentUsage = 10, DiscountAmount = 5, MinBasketPrice = 50,
            Start = now.AddDays(-1), End = now.AddDays(2),
        });
        await bed.SyncAsync(store);
        // What a run leaves that wrote the coupon running out with its pending alert (one transaction) and then failed.
        var couponId = voucher.VoucherId.ToString(CultureInfo.InvariantCulture);
        await bed.App.Tables.GetTableClient(TableNames.Coupons).AddEntityAsync(new TableEntity($"{bed.Tenant.Value}_{store}", $"a_stockout_{couponId}_1")
        {
            ["Key"] = $"stockout_{couponId}_1", ["Kind"] = "stock.out", ["CouponId"] = couponId, ["RaisedAt"] = now,
        });
        bed.Shopee.Faults.Set(new FaultPlan { ErrorRate = 1 }, "720003");
        var failed = await bed.SyncAsync(store);
        var beforeNextRun = await StockOutAlertsAsync(bed);
        bed.Shopee.Faults.Clear("720003");
        var next = await bed.SyncAsync(store);

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Empty(beforeNextRun);
        Assert.Equal("succeeded", next["status"]!.GetValue<string>());
        Assert.Equal(0, next["counts"]!["updated"]!.GetValue<int>());
        var alert = Assert.Single(await StockOutAlertsAsync(bed));
        Assert.Contains("Last ten", alert!["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await bed.CountRowsAsync(store, "a_"));
    }

    private static Task<List<System.Text.Json.Nodes.JsonNode?>> StockOutAlertsAsync(Workspace bed) => bed.OutboxAsync("stock.out");
}
