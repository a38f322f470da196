using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Tests.Sync;

public sealed class CouponDetailPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly SyncOptions Options = new() { Interval = TimeSpan.FromMinutes(15), DetailRefreshInterval = TimeSpan.FromDays(1) };

    // A Shopee voucher as get_voucher_list gives it: no minimum spend, cap or items.
    private static Coupon Listed(string id = "42", CouponStatus status = CouponStatus.Ongoing, string name = "Payday", int used = 10) => new()
    {
        Platform = Platform.Shopee, PlatformCouponId = id, Code = "PAY", Name = name, Scope = CouponScope.Product, Reward = RewardType.Percentage,
        Percentage = 10, TotalQuantity = 100, UsedCount = used, ValidFrom = Now.AddDays(-1), ValidTo = Now.AddDays(5), Currency = "SGD",
        Status = status, RawStatus = status.ToString().ToLowerInvariant(),
        Unknown = UnknownCouponFields.MinSpend | UnknownCouponFields.MaxDiscount | UnknownCouponFields.Products,
        PlatformFields = new Dictionary<string, string> { ["voucher_name"] = name, ["current_usage"] = used.ToString() },
    };

    // The same voucher as get_voucher gives it.
    private static Coupon Detailed(Coupon listed) => listed with
    {
        MinSpend = 50, MaxDiscount = 8, ProductIds = ["7", "9"], Unknown = UnknownCouponFields.None,
        PlatformFields = new Dictionary<string, string>(listed.PlatformFields) { ["min_basket_price"] = "50", ["max_price"] = "8" },
    };

    private static StoredCoupon Stored(Coupon coupon) => new(coupon, CouponHash.Compute(coupon), Now.AddDays(-3), Now.AddDays(-3));

    [Fact]
    public void NeedsDetail_NeverRead_Reads()
    {
        Assert.True(CouponDetailPolicy.NeedsDetail(Listed(), null, Now, Options));
        Assert.True(CouponDetailPolicy.NeedsDetail(Listed(), Stored(Listed()), Now, Options));
    }

    [Fact]
    public void NeedsDetail_CompleteListing_NeverReads()
    {
        var complete = Detailed(Listed());

        Assert.False(CouponDetailPolicy.NeedsDetail(complete, null, Now, Options));
    }

    [Fact]
    public void NeedsDetail_UpcomingWithDetail_ReadsEverySync()
    {
        var upcoming = Listed(status: CouponStatus.Upcoming);

        Assert.True(CouponDetailPolicy.NeedsDetail(upcoming, Stored(Detailed(upcoming)), Now, Options));
    }

    [Fact]
    public void NeedsDetail_UpcomingWithASlowerUpcomingPace_ReadsOncePerThatInterval()
    {
        var upcoming = Listed(status: CouponStatus.Upcoming);
        var hourly = new SyncOptions { Interval = TimeSpan.FromMinutes(15), UpcomingDetailRefreshInterval = TimeSpan.FromHours(1) };

        var reads = Enumerable.Range(0, 8).Count(i => CouponDetailPolicy.NeedsDetail(upcoming, Stored(Detailed(upcoming)), Now.AddMinutes(15 * i), hourly));

        Assert.Equal(2, reads);
        Assert.True(CouponDetailPolicy.NeedsDetail(upcoming with { Name = "Edited" }, Stored(Detailed(upcoming)), Now, hourly));
    }

    [Fact]
    public void NeedsDetail_ListedTermChanged_Reads()
    {
        var stored = Stored(Detailed(Listed()));

        Assert.True(CouponDetailPolicy.NeedsDetail(Listed(name: "Renamed"), stored, Now, Options));
    }

    [Fact]
    public void NeedsDetail_OnlyUsageChangedOrEnded_ReadsOnceInItsRefreshSlot()
    {
        var stored = Stored(Detailed(Listed()));
        var ended = Listed(status: CouponStatus.Ended);

        // Over one refresh interval of syncs, each is read exactly once (ended ones too: older rows may hold guessed values).
        var syncs = Enumerable.Range(0, 96).Select(i => Now.AddMinutes(15 * i)).ToList();
        Assert.Equal(1, syncs.Count(at => CouponDetailPolicy.NeedsDetail(Listed(used: 11), stored, at, Options)));
        Assert.Equal(1, syncs.Count(at => CouponDetailPolicy.NeedsDetail(ended, Stored(Detailed(ended)), at, Options)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void IsRefreshSlot_RefreshNoSlowerThanTheSyncInterval_EverySync(int refreshMinutes) =>
        Assert.True(CouponDetailPolicy.IsRefreshSlot("42", Now, new SyncOptions { Interval = TimeSpan.FromMinutes(15), DetailRefreshInterval = TimeSpan.FromMinutes(refreshMinutes) }));

    [Fact]
    public void IsRefreshSlot_ManyCoupons_SpreadOverTheSyncsOfTheInterval()
    {
        var ids = Enumerable.Range(1, 960).Select(i => (1_000_000 + i).ToString()).ToList();

        var perSync = Enumerable.Range(0, 96).Select(s => ids.Count(id => CouponDetailPolicy.IsRefreshSlot(id, Now.AddMinutes(15 * s), Options))).ToList();

        Assert.Equal(960, perSync.Sum());
        Assert.True(perSync.Max() <= 30, $"at most 30 of 960 in one sync, saw {perSync.Max()}");
    }

    [Fact]
    public void CarryOver_UnchangedListing_HashesAsTheStoredDetail()
    {
        var detailed = Detailed(Listed());

        var carried = CouponDetailPolicy.CarryOver(Listed(), detailed);

        Assert.Equal(CouponHash.Compute(detailed), CouponHash.Compute(carried));
        Assert.Null(SyncPlanner.Plan(Stored(detailed), carried, Now, Day));
    }

    [Fact]
    public void CarryOver_UsageChanged_KeepsDetailAndTakesTheNewCount()
    {
        var carried = CouponDetailPolicy.CarryOver(Listed(used: 30), Detailed(Listed()));

        Assert.Equal(((decimal?)50m, (decimal?)8m, 30, UnknownCouponFields.None), (carried.MinSpend, carried.MaxDiscount, carried.UsedCount!.Value, carried.Unknown));
        Assert.Equal(["7", "9"], carried.ProductIds);
        Assert.Equal("30", carried.PlatformFields["current_usage"]);
        Assert.Equal("50", carried.PlatformFields["min_basket_price"]);
    }

    [Fact]
    public void CarryOver_NothingStored_StaysUnknown()
    {
        var carried = CouponDetailPolicy.CarryOver(Listed(), null);

        Assert.Equal((null, UnknownCouponFields.MinSpend | UnknownCouponFields.MaxDiscount | UnknownCouponFields.Products), (carried.MinSpend, carried.Unknown));
    }

    [Fact]
    public void StoredJson_CompleteCoupon_LeavesUnknownOutSoOlderRowsHashTheSame()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Detailed(Listed()), Core.Common.MessageJson.Options);
        var listedJson = System.Text.Json.JsonSerializer.Serialize(Listed(), Core.Common.MessageJson.Options);

        Assert.DoesNotContain("\"unknown\"", json, StringComparison.Ordinal);
        Assert.Contains("\"unknown\":\"minSpend, maxDiscount, products\"", listedJson, StringComparison.Ordinal);
        Assert.Contains("\"minSpend\":null", listedJson, StringComparison.Ordinal);
    }
}
