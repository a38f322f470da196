using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateChangeTests
{
    private static IReadOnlyList<RuleViolation> Change(Coupon current, CouponChange change, string site = "SG", CouponRuleValidator? validator = null) =>
        (validator ?? CouponRuleValidator.Default).ValidateChange(current.Platform, site, current, change, Now);

    [Fact]
    public void ValidateChange_EndInThePast_ReportsEndInPast() =>
        Assert.Equal([RuleCodes.EndInPast], Change(Coupon(Platform.Shopline), new CouponChange { ValidTo = Now.AddMinutes(-1) }).Codes());

    [Fact]
    public void ValidateChange_UpcomingLazadaMinSpend_ReportsFixed()
    {
        var violation = Assert.Single(Change(Coupon(Platform.Lazada, CouponStatus.Upcoming), new CouponChange { MinSpend = 60m }));

        Assert.Equal((RuleFields.MinSpend, RuleCodes.MinSpendFixed), (violation.Field, violation.Code));
        Assert.Equal("Lazada fixes the minimum spend once it is set; it stays SGD 50.00.", violation.Message);
    }

    [Fact]
    public void ValidateChange_LazadaSameMinSpend_Passes() =>
        Assert.Empty(Change(Coupon(Platform.Lazada, CouponStatus.Upcoming), new CouponChange { MinSpend = 50m }));

    [Fact]
    public void ValidateChange_ShoplineMinSpend_Passes() =>
        Assert.Empty(Change(Coupon(Platform.Shopline), new CouponChange { MinSpend = 60m }));

    [Fact]
    public void ValidateChange_LazadaQuantityDown_ReportsDecrease() =>
        Assert.Equal([RuleCodes.QuantityDecrease], Change(Coupon(Platform.Lazada), new CouponChange { TotalQuantity = 99 }).Codes());

    [Fact]
    public void ValidateChange_ShoplineQuantityBelowClaimed_ReportsBelowClaimed()
    {
        Assert.Equal([RuleCodes.QuantityBelowClaimed], Change(Coupon(Platform.Shopline), new CouponChange { TotalQuantity = 39 }).Codes());
        Assert.Empty(Change(Coupon(Platform.Shopline), new CouponChange { TotalQuantity = 40 }));
    }

    [Fact]
    public void ValidateChange_TikTok_ReportsReadOnlyForEachField()
    {
        var violations = Change(Coupon(Platform.TikTok), new CouponChange { Name = "New", TotalQuantity = 500 });

        Assert.Equal([RuleFields.Name, RuleFields.TotalQuantity], violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Equal(RuleCodes.ChangeNotEditable, v.Code));
        Assert.All(violations, v => Assert.Contains("read-only", v.Message));
    }

    [Fact]
    public void ValidateChange_NothingSet_ReportsEmpty() =>
        Assert.Equal([RuleCodes.ChangeEmpty], Change(Coupon(), new CouponChange()).Codes());

    [Fact]
    public void ValidateChange_UntouchedFieldBreaksARule_IsNotReported()
    {
        var current = Coupon() with { Name = new string('n', 150) };

        Assert.Empty(Change(current, new CouponChange { TotalQuantity = 200 }));
    }

    [Fact]
    public void ValidateChange_UntouchedPercentageOverCap_IsNotReported()
    {
        var validator = Validator(o => o.SiteDiscountCapPercent[Platform.Shopline] = new() { ["SG"] = 50m });
        var current = PercentCoupon(Platform.Shopline, 60m, cap: null, minSpend: 50m);

        Assert.Empty(Change(current, new CouponChange { MinSpend = 40m }, validator: validator));
        Assert.Equal([RuleCodes.OverSiteCap], Change(current, new CouponChange { Percentage = 55m }, validator: validator).Codes());
    }

    [Fact]
    public void ValidateChange_LowerMinSpendMakesFixedDiscountTooDeep_ReportsOnMinSpend()
    {
        var current = Coupon(Platform.Shopline) with { DiscountAmount = 400m, MinSpend = 1000m, Currency = "PHP" };
        var validator = Validator(o => o.SiteDiscountCapPercent[Platform.Shopline] = new() { ["PH"] = 50m });

        Assert.Empty(Change(current, new CouponChange { MinSpend = 800m }, site: "PH", validator: validator));
        Assert.Equal([(RuleFields.MinSpend, RuleCodes.OverSiteCap)],
            Change(current, new CouponChange { MinSpend = 700m }, site: "PH", validator: validator).Select(v => (v.Field, v.Code)));
    }

    [Fact]
    public void ValidateChange_LazadaPhilippinesPercentageOverCap_ReportsOverSiteCap()
    {
        var current = PercentCoupon(Platform.Lazada, 20m, cap: null, minSpend: 500m, currency: "PHP") with { Status = CouponStatus.Upcoming, ValidFrom = Start, ValidTo = Start.AddDays(7) };

        Assert.Equal([RuleCodes.OverSiteCap], Change(current, new CouponChange { Percentage = 60m }, site: "PH").Codes());
    }

    [Fact]
    public void ValidateChange_PlatformMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => CouponRuleValidator.Default.ValidateChange(Platform.Lazada, "SG", Coupon(), new CouponChange { Name = "x" }, Now));
}
