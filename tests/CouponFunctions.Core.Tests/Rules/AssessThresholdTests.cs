using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class AssessThresholdTests
{
    private static readonly CouponRuleInspector Inspector = CouponRuleInspector.Default;

    private static CouponRuleInspector With(Action<RuleCatalogOptions> configure)
    {
        var options = new RuleCatalogOptions();
        configure(options);
        return new CouponRuleInspector(new PlatformRuleCatalog(options));
    }

    private static Coupon Fixed(decimal amount, decimal minSpend) => Coupon() with { DiscountAmount = amount, MinSpend = minSpend };

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 5)]
    [InlineData(10, 0)]
    [InlineData(10, 12)]
    public void AssessThreshold_FixedDiscountNearOrAboveMinSpend_ReturnsLossRisk(int amount, int minSpend)
    {
        var assessment = Inspector.AssessThreshold(Fixed(amount, minSpend));

        Assert.Equal(ThresholdVerdict.LossRisk, assessment.Verdict);
        Assert.Equal((RuleFields.MinSpend, RuleCodes.ThresholdLossRisk), (assessment.Finding!.Field, assessment.Finding.Code));
    }

    [Fact]
    public void AssessThreshold_FixedWithNoMinSpend_SaysSoWithAmounts() =>
        Assert.Equal("SGD 10.00 off with no minimum spend: an order worth SGD 10.00 or less comes out free.",
            Inspector.AssessThreshold(Fixed(10m, 0m)).Finding?.Message);

    [Theory]
    [InlineData(13)]
    [InlineData(100)]
    [InlineData(200)]
    public void AssessThreshold_FixedWithReasonableMinSpend_ReturnsSensible(int minSpend)
    {
        var assessment = Inspector.AssessThreshold(Fixed(10m, minSpend));

        Assert.True(assessment.IsSensible);
        Assert.Null(assessment.Finding);
    }

    [Fact]
    public void AssessThreshold_MinSpendAboveTwentyTimesDiscount_ReturnsUnreachable()
    {
        var assessment = Inspector.AssessThreshold(Fixed(10m, 201m));

        Assert.Equal(ThresholdVerdict.Unreachable, assessment.Verdict);
        Assert.Equal(RuleCodes.ThresholdUnreachable, assessment.Finding!.Code);
        Assert.Contains("SGD 201.00 is 20.1× the SGD 10.00 discount, more than 20×", assessment.Finding.Message);
    }

    [Fact]
    public void AssessThreshold_ConfiguredMultiple_OverridesTwenty()
    {
        var strict = With(o => o.UnreachableMinSpendMultiple = 10m);

        Assert.Equal(ThresholdVerdict.Unreachable, strict.AssessThreshold(Fixed(10m, 101m)).Verdict);
        Assert.Equal(ThresholdVerdict.Sensible, strict.AssessThreshold(Fixed(10m, 100m)).Verdict);
    }

    [Fact]
    public void AssessThreshold_ConfiguredLossRiskDepth_OverridesEighty()
    {
        var cautious = With(o => o.LossRiskDepthPercent = 50m);

        Assert.Equal(ThresholdVerdict.LossRisk, cautious.AssessThreshold(Fixed(10m, 20m)).Verdict);
        Assert.Equal(ThresholdVerdict.Sensible, Inspector.AssessThreshold(Fixed(10m, 20m)).Verdict);
    }

    [Fact]
    public void AssessThreshold_UncappedPercentageWithoutMinSpend_ReturnsLossRisk() =>
        Assert.Equal(ThresholdVerdict.LossRisk, Inspector.AssessThreshold(PercentCoupon(Platform.Shopee, 10m, null, 0m)).Verdict);

    [Fact]
    public void AssessThreshold_UncappedDeepPercentage_ReturnsLossRisk() =>
        Assert.Equal(ThresholdVerdict.LossRisk, Inspector.AssessThreshold(PercentCoupon(Platform.Shopline, 85m, null, 50m)).Verdict);

    [Theory]
    [InlineData(null, 50)]
    [InlineData(5, 0)]
    [InlineData(5, 100)]
    [InlineData(null, 10000)]
    public void AssessThreshold_SensiblePercentage_ReturnsSensible(int? cap, int minSpend) =>
        Assert.Equal(ThresholdVerdict.Sensible, Inspector.AssessThreshold(PercentCoupon(Platform.Shopee, 10m, cap, minSpend)).Verdict);

    [Fact]
    public void AssessThreshold_CappedPercentageWithHugeMinSpend_ReturnsUnreachable() =>
        Assert.Equal(ThresholdVerdict.Unreachable, Inspector.AssessThreshold(PercentCoupon(Platform.Shopee, 10m, 5m, 101m)).Verdict);

    [Fact]
    public void AssessThreshold_Draft_UsesTheStoreCurrency()
    {
        var assessment = Inspector.AssessThreshold(Draft() with { DiscountAmount = 20000m, MinSpend = 0m }, "IDR");

        Assert.Equal(ThresholdVerdict.LossRisk, assessment.Verdict);
        Assert.StartsWith("IDR 20,000 off", assessment.Finding!.Message);
    }
}
