using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class DiscountOverCapTests
{
    private static readonly CouponRuleInspector Inspector = CouponRuleInspector.Default;

    private static CouponRuleInspector With(Action<RuleCatalogOptions> configure)
    {
        var options = new RuleCatalogOptions();
        configure(options);
        return new CouponRuleInspector(new PlatformRuleCatalog(options));
    }

    [Fact]
    public void DiscountOverCap_LazadaPhilippinesSixtyPercent_ReportsOverSiteCap()
    {
        var finding = Inspector.DiscountOverCap(PercentCoupon(Platform.Lazada, 60m, null, 500m, "PHP"), "PH");

        Assert.NotNull(finding);
        Assert.Equal(RuleCodes.OverSiteCap, finding.Code);
        Assert.Equal("Lazada Philippines caps voucher discounts at 50%; this one takes 60% off.", finding.Message);
    }

    [Fact]
    public void DiscountOverCap_LazadaPhilippinesExactlyFifty_ReturnsNull() =>
        Assert.Null(Inspector.DiscountOverCap(PercentCoupon(Platform.Lazada, 50m, null, 500m, "PHP"), "PH"));

    [Fact]
    public void DiscountOverCap_LazadaSingaporeSixtyPercent_ReturnsNull() =>
        Assert.Null(Inspector.DiscountOverCap(PercentCoupon(Platform.Lazada, 60m, null, 500m), "SG"));

    [Fact]
    public void DiscountOverCap_LazadaPhilippinesFixedDeeperThanCap_ReportsOnDiscountAmount()
    {
        var coupon = Coupon(Platform.Lazada) with { DiscountAmount = 600m, MinSpend = 1000m, Currency = "PHP" };

        var finding = Inspector.DiscountOverCap(coupon, "PH");

        Assert.NotNull(finding);
        Assert.Equal((RuleFields.DiscountAmount, RuleCodes.OverSiteCap), (finding.Field, finding.Code));
        Assert.Contains("PHP 600.00 off a PHP 1,000.00 minimum spend is 60%", finding.Message);
    }

    [Fact]
    public void DiscountOverCap_TikTokSixtyPercent_ReportsOverPlatformCap()
    {
        var finding = Inspector.DiscountOverCap(PercentCoupon(Platform.TikTok, 60m, null, 50m), "SG");

        Assert.Equal(RuleCodes.OverPlatformCap, finding?.Code);
        Assert.Null(Inspector.DiscountOverCap(PercentCoupon(Platform.TikTok, 50m, null, 50m), "SG"));
    }

    [Fact]
    public void DiscountOverCap_BothCapsExceeded_ReportsTheLowerOne()
    {
        var siteLower = With(o => o.SiteDiscountCapPercent[Platform.TikTok] = new() { ["SG"] = 30m });
        var platformLower = With(o => o.SiteDiscountCapPercent[Platform.TikTok] = new() { ["SG"] = 70m });
        var coupon = PercentCoupon(Platform.TikTok, 80m, null, 50m);

        Assert.Equal(RuleCodes.OverSiteCap, siteLower.DiscountOverCap(coupon, "SG")?.Code);
        Assert.Equal(RuleCodes.OverPlatformCap, platformLower.DiscountOverCap(coupon, "SG")?.Code);
    }

    [Fact]
    public void DiscountOverCap_ConfiguredLowerCap_Fires() =>
        Assert.NotNull(With(o => o.SiteDiscountCapPercent[Platform.Lazada]["PH"] = 30m)
            .DiscountOverCap(PercentCoupon(Platform.Lazada, 35m, null, 500m, "PHP"), "PH"));
}
