using System.Globalization;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Api.Coupons;

/// <summary>POST /api/coupons/actions/preview: per-coupon verdicts from the platform rules, by ids or by list filter; nothing written.</summary>
[Collection(AppCollection.Name)]
public sealed class CouponActionPreviewTests(AppHostFixture app)
{
    [Fact]
    public async Task PreviewCouponAction_RenewAndEndNowOnShopee_SaysWhatChangesAndRefusesWhatShopeeDoesNotAllow()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(909_001, "TH");
        var seeded = bed.SeedVouchers(909_001, 3);
        await bed.SyncAsync(store);
        string Id(int i) => seeded[i].VoucherId.ToString(CultureInfo.InvariantCulture);
        var all = new[] { 0, 1, 2 }.Select(i => new { storeId = store, couponId = Id(i) }).ToArray();

        var (renewStatus, renew) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/actions/preview", new { action = new { kind = "renew", extendDays = 7 }, coupons = all });
        var (_, endNow) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/actions/preview", new { action = new { kind = "endNow" }, coupons = all });
        var (_, byFilter) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/actions/preview", new { action = new { kind = "replenish", addQuantity = 50 }, filter = new { status = "ongoing" } });
        var (bad, badBody) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/actions/preview", new { action = new { kind = "explode" }, coupons = new[] { new { storeId = "BAD ID", couponId = "1" } } });

        Assert.Equal(200, renewStatus);
        var renewed = renew!["coupons"]!.AsArray().ToDictionary(c => c!["platformCouponId"]!.GetValue<string>(), c => c!);
        Assert.Equal("willChange", renewed[Id(1)]["decision"]!.GetValue<string>());
        Assert.Equal("validTo", renewed[Id(1)]["changes"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("refused", renewed[Id(2)]["decision"]!.GetValue<string>());
        Assert.NotEmpty(renewed[Id(2)]["refusals"]!.AsArray());
        var ended = endNow!["coupons"]!.AsArray().ToDictionary(c => c!["platformCouponId"]!.GetValue<string>(), c => c!);
        Assert.Equal("willChange", ended[Id(1)]["decision"]!.GetValue<string>());
        Assert.Equal("refused", ended[Id(0)]["decision"]!.GetValue<string>());
        Assert.Equal("nothingToDo", ended[Id(2)]["decision"]!.GetValue<string>());
        Assert.Equal([Id(1)], byFilter!["coupons"]!.AsArray().Select(c => c!["platformCouponId"]!.GetValue<string>()));
        Assert.Equal(1, byFilter["summary"]!["willChange"]!.GetValue<int>());
        Assert.Equal(400, bad);
        Assert.Contains("action.kind", badBody!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("coupons[0].storeId", badBody["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(100, bed.Shopee.FindVoucher(909_001, seeded[1].VoucherId)!.UsageQuantity);
    }

    [Fact]
    public async Task PreviewCouponAction_ScopedKeyOutsideItsStores_Answers403()
    {
        var bed = await app.NewWorkspaceAsync();
        var mine = await bed.AddShopeeStoreAsync(909_101, "TH");
        var other = await bed.AddShopeeStoreAsync(909_102, "TH");
        var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("viewer", mine));

        var (status, _) = await scoped.SendJsonAsync(HttpMethod.Post, "/api/coupons/actions/preview",
            new { action = new { kind = "endNow" }, coupons = new[] { new { storeId = other, couponId = "1" } } });

        Assert.Equal(403, status);
    }
}
