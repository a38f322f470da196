using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class CouponInspectorTests
{
    [Fact]
    public void Inspect_HealthyStoreAndCoupon_ReportsNothing() => Assert.Empty(Inspect(Coupon()));

    [Theory]
    [InlineData(CouponStatus.Ended)]
    [InlineData(CouponStatus.Deactivated)]
    public void Inspect_FinishedCouponThatWouldFireEverything_ReportsNothing(CouponStatus status)
    {
        var coupon = Coupon(status: status) with
        {
            ClaimedCount = 500, ValidTo = Now.AddHours(1), Reward = RewardType.FixedAmount, DiscountAmount = 600m, Percentage = null,
        };

        Assert.Empty(Inspect(coupon));
    }

    [Fact]
    public void Inspect_StaleStoreWithBadCoupons_ListsTheStoreFindingFirstThenEachCouponInOrder()
    {
        var coupons = new[]
        {
            Coupon("v-1") with { ClaimedCount = 500 },
            Coupon("v-2") with { ClaimedCount = 490, ValidTo = Now.AddHours(2) },
        };
        var input = new StoreInspectionInput(Store(), coupons, StoreSyncHealth.Never, Now);

        var findings = CouponInspector.Default.Inspect(input, InspectionSettings.Default);

        Assert.Equal(
            new (string, string?)[] { ("sync.stale", null), ("stock.out", "v-1"), ("stock.low", "v-2"), ("expiry.today", "v-2") },
            findings.Select(f => (f.Code, f.PlatformCouponId)).ToList());
        Assert.All(findings, f => Assert.Equal((Tenant, "s-bkk"), (f.TenantId, f.StoreId.Value)));
    }

    [Fact]
    public void Inspect_Finding_CarriesCouponNameCodeAndAStableKey()
    {
        var finding = Assert.Single(Inspect(Coupon("12345") with { ClaimedCount = 500 }));

        Assert.Equal(("Payday 10% off", "ACMEPAY10"), (finding.CouponName, finding.CouponCode));
        Assert.Equal("stock.out|s-bkk|12345", finding.Key);
        Assert.Equal(finding.Key, Inspect(Coupon("12345") with { ClaimedCount = 500, Name = "Renamed" }, Now.AddHours(6)).Single().Key);
    }

    [Fact]
    public void Inspect_InvalidSettings_Throws() =>
        Assert.Throws<ArgumentException>(() => Inspect(Coupon(), settings: InspectionSettings.Default with { ExpiryWindowDays = -1 }));

    [Fact]
    public void Inspect_UnknownTimeZone_Throws() =>
        Assert.ThrowsAny<TimeZoneNotFoundException>(() => Inspect(Coupon(), store: Store("Mars/Olympus_Mons")));

    [Fact]
    public void Inspect_NoCoupons_ReportsOnlyTheStore() =>
        Assert.Empty(CouponInspector.Default.Inspect(new StoreInspectionInput(Store(), [], Healthy(), Now), InspectionSettings.Default));

    [Fact]
    public void Inspect_ManyCoupons_FindsEveryOneOnce()
    {
        var coupons = Enumerable.Range(0, 10_000)
            .Select(i => Coupon($"v-{i}") with { ClaimedCount = i % 2 == 0 ? 500 : 100 })
            .ToList();

        var findings = CouponInspector.Default.Inspect(new StoreInspectionInput(Store(), coupons, Healthy(), Now), InspectionSettings.Default);

        Assert.Equal(5_000, findings.Count);
        Assert.Equal(5_000, findings.Select(f => f.Key).Distinct().Count());
    }
}
