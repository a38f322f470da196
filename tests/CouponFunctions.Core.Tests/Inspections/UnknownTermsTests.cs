using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

/// <summary>Unknown is not zero: a rule that needs a minimum spend or cap the platform has not told us does not fire, and
/// the run's notes say why.</summary>
public sealed class UnknownTermsTests
{
    private static Coupon Fixed(decimal amount, decimal? minSpend, UnknownCouponFields unknown = UnknownCouponFields.None) =>
        Coupon() with { Reward = RewardType.FixedAmount, DiscountAmount = amount, Percentage = null, MaxDiscount = null, MinSpend = minSpend, Unknown = unknown };

    private static InspectionOutcome Run(params Coupon[] coupons) =>
        CouponInspector.Default.Run(new StoreInspectionInput(Store(), coupons, Healthy(), Now), InspectionSettings.Default);

    [Fact]
    public void Run_FixedDiscountWithUnknownMinSpend_NoThresholdFindingAndANote()
    {
        var outcome = Run(Fixed(100m, null, UnknownCouponFields.MinSpend), Fixed(100m, null, UnknownCouponFields.MinSpend) with { PlatformCouponId = "v-2" });

        Assert.DoesNotContain(outcome.Findings, f => f.Code is FindingCodes.ThresholdLossRisk or FindingCodes.ThresholdUnreachable);
        Assert.Equal(["threshold: 2 coupons not judged: the minimum spend is not known yet (the next sync reads it from the platform)."], outcome.Notes);
    }

    [Fact]
    public void Run_SameCouponWithMinSpendZeroKnown_FiresLossRisk()
    {
        var outcome = Run(Fixed(100m, 0m));

        Assert.Contains(outcome.Findings, f => f.Code == FindingCodes.ThresholdLossRisk);
        Assert.Empty(outcome.Notes);
    }

    [Fact]
    public void Run_UncappedLookingPercentageWithUnknownCap_NoThresholdFinding()
    {
        // 85% off with no cap and no minimum would be a loss risk; here the cap is simply unread.
        var coupon = Coupon() with { Percentage = 85m, MaxDiscount = null, MinSpend = 50m, Unknown = UnknownCouponFields.MaxDiscount };

        var outcome = Run(coupon);

        Assert.DoesNotContain(outcome.Findings, f => f.Code == FindingCodes.ThresholdLossRisk);
        Assert.Equal(["threshold: 1 coupon not judged: the cap is not known yet (the next sync reads it from the platform)."], outcome.Notes);
    }

    [Fact]
    public void Run_FixedDiscountWithUnknownMinSpendOnACappedSite_CapRuleNotJudgedAndSaysWhy()
    {
        var lazadaPh = Store(platform: Platform.Lazada, site: "PH", zone: "Asia/Manila", id: "s-ph");
        var coupon = Fixed(400m, null, UnknownCouponFields.MinSpend) with { Platform = Platform.Lazada, Currency = "PHP" };

        var outcome = CouponInspector.Default.Run(new StoreInspectionInput(lazadaPh, [coupon], Healthy(), Now), InspectionSettings.Default);

        Assert.DoesNotContain(outcome.Findings, f => f.Code == FindingCodes.DiscountOverCap);
        Assert.Contains(outcome.Notes, n => n.StartsWith("discount cap: 1 coupon not judged: the minimum spend is not known yet", StringComparison.Ordinal));
    }
}
