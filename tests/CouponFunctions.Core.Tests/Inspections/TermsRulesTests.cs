using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class TermsRulesTests
{
    private static readonly Store LazadaTh = Store(platform: Platform.Lazada, id: "s-lzd");

    private static Coupon Lazada(decimal percentage) => Coupon() with { Platform = Platform.Lazada, Percentage = percentage };

    private static Coupon Fixed(decimal amount, decimal minSpend) =>
        Coupon() with { Reward = RewardType.FixedAmount, DiscountAmount = amount, Percentage = null, MaxDiscount = null, MinSpend = minSpend };

    [Fact]
    public void Inspect_OverTheSiteCap_ReportsDiscountOverCapWithTheCatalogMessage()
    {
        var finding = Inspect(Lazada(60m), store: LazadaTh).Single(FindingCodes.DiscountOverCap);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("'Payday 10% off': Lazada Thailand caps voucher discounts at 50%; this one takes 60% off.", finding.Message);
    }

    [Fact]
    public void Inspect_ExactlyAtTheSiteCap_ReportsNothing() => Assert.Empty(Inspect(Lazada(50m), store: LazadaTh));

    [Fact]
    public void Inspect_OverThePlatformCap_ReportsDiscountOverCap()
    {
        var store = Store(platform: Platform.TikTok, id: "s-tts");

        var finding = Inspect(Coupon() with { Platform = Platform.TikTok, Percentage = 60m }, store: store).Single(FindingCodes.DiscountOverCap);

        Assert.Contains("take at most 50% off; this one takes 60%", finding.Message);
    }

    [Fact]
    public void Inspect_OverCapButEnded_ReportsNothing() =>
        Assert.Empty(Inspect(Lazada(60m) with { Status = CouponStatus.Ended }, store: LazadaTh));

    [Fact]
    public void Inspect_StoreOnUnknownSite_SkipsTheCapRule() =>
        Assert.Empty(Inspect(Lazada(60m), store: Store(platform: Platform.Lazada, site: "XX", id: "s-xx")));

    [Fact]
    public void Inspect_FixedDiscountEqualToMinSpend_ReportsLossRisk()
    {
        var finding = Inspect(Fixed(100m, 100m)).Single(FindingCodes.ThresholdLossRisk);

        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("'Payday 10% off': THB 100.00 off with a minimum spend of only THB 100.00: an order at the minimum comes out free.", finding.Message);
        Assert.DoesNotContain(FindingCodes.ThresholdUnreachable, Inspect(Fixed(100m, 100m)).Codes());
    }

    [Fact]
    public void Inspect_UpcomingWithLossRisk_ReportsItBeforeItStarts() =>
        Assert.Contains(FindingCodes.ThresholdLossRisk,
            Inspect(Fixed(100m, 0m) with { Status = CouponStatus.Upcoming, ValidFrom = Now.AddDays(1) }).Codes());

    [Fact]
    public void Inspect_MinSpendFarAboveDiscount_ReportsUnreachable()
    {
        var finding = Inspect(Fixed(10m, 1000m)).Single(FindingCodes.ThresholdUnreachable);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.StartsWith("'Payday 10% off': A minimum spend of THB 1,000.00 is 100× the THB 10.00 discount", finding.Message);
    }

    [Theory]
    [InlineData(10, 200)]
    [InlineData(10, 100)]
    public void Inspect_SensibleThreshold_ReportsNothing(int amount, int minSpend) => Assert.Empty(Inspect(Fixed(amount, minSpend)));

    [Fact]
    public void Inspect_TighterCatalogHeuristics_AreUsed()
    {
        var options = new RuleCatalogOptions { UnreachableMinSpendMultiple = 5m };
        var inspector = new CouponInspector(new CouponRuleInspector(new PlatformRuleCatalog(options)));

        var findings = inspector.Inspect(new StoreInspectionInput(Store(), [Fixed(10m, 100m)], Healthy(), Now), InspectionSettings.Default);

        Assert.Equal([FindingCodes.ThresholdUnreachable], findings.Codes());
    }

    [Theory]
    [InlineData(CouponStatus.Ended)]
    [InlineData(CouponStatus.Deactivated)]
    public void Inspect_FinishedCouponWithBadThreshold_ReportsNothing(CouponStatus status) =>
        Assert.Empty(Inspect(Fixed(100m, 0m) with { Status = status }));
}
