using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateChangeShopeeTests
{
    private static IReadOnlyList<RuleViolation> Change(Coupon current, CouponChange change, string site = "SG", CouponRuleValidator? validator = null) =>
        (validator ?? CouponRuleValidator.Default).ValidateChange(current.Platform, site, current, change, Now);

    [Fact]
    public void ValidateChange_RunningShopeeNameMoreQuantityLaterEnd_Passes()
    {
        var current = Coupon();

        Assert.Empty(Change(current, new CouponChange { Name = "Mid-year sale (extended)", TotalQuantity = 150, ValidTo = current.ValidTo.AddDays(3) }));
    }

    [Fact]
    public void ValidateChange_RunningShopeeStart_ReportsNotEditable()
    {
        var violation = Assert.Single(Change(Coupon(), new CouponChange { ValidFrom = Now.AddHours(1) }));

        Assert.Equal((RuleFields.ValidFrom, RuleCodes.ChangeNotEditable), (violation.Field, violation.Code));
        Assert.Equal("A running Shopee voucher cannot change its start; it accepts only changes to name, total quantity, end, products.", violation.Message);
    }

    [Fact]
    public void ValidateChange_RunningShopeeDiscount_ReportsNotEditable() =>
        Assert.Equal([(RuleFields.DiscountAmount, RuleCodes.ChangeNotEditable)],
            Change(Coupon(), new CouponChange { DiscountAmount = 8m }).Select(v => (v.Field, v.Code)));

    [Fact]
    public void ValidateChange_ShopeeQuantityDown_ReportsDecrease()
    {
        var violation = Assert.Single(Change(Coupon(), new CouponChange { TotalQuantity = 90 }));

        Assert.Equal((RuleFields.TotalQuantity, RuleCodes.QuantityDecrease), (violation.Field, violation.Code));
        Assert.Equal("Shopee voucher quantities can only go up; it is 100 and the change asks for 90.", violation.Message);
    }

    [Fact]
    public void ValidateChange_UpcomingShopeeQuantityDown_StillReportsDecrease() =>
        Assert.Equal([RuleCodes.QuantityDecrease], Change(Coupon(status: CouponStatus.Upcoming), new CouponChange { TotalQuantity = 90 }).Codes());

    [Fact]
    public void ValidateChange_ShopeeSameQuantity_Passes() =>
        Assert.Empty(Change(Coupon(), new CouponChange { TotalQuantity = 100 }));

    [Fact]
    public void ValidateChange_RunningShopeeEarlierEnd_ReportsEndEarlier()
    {
        var current = Coupon();

        var violation = Assert.Single(Change(current, new CouponChange { ValidTo = current.ValidTo.AddDays(-1) }));

        Assert.Equal((RuleFields.ValidTo, RuleCodes.EndEarlier), (violation.Field, violation.Code));
    }

    [Fact]
    public void ValidateChange_RunningShopeeSameEnd_Passes()
    {
        var current = Coupon();

        Assert.Empty(Change(current, new CouponChange { ValidTo = current.ValidTo }));
    }

    [Fact]
    public void ValidateChange_ShopeeEndDirectionFlippedByOptions_RefusesLaterAndAcceptsEarlier()
    {
        var validator = Validator(o => o.ShopeeRunningEndDirection = EndTimeDirection.EarlierOnly);
        var current = Coupon();

        Assert.Equal([RuleCodes.EndLater], Change(current, new CouponChange { ValidTo = current.ValidTo.AddDays(1) }, validator: validator).Codes());
        Assert.Empty(Change(current, new CouponChange { ValidTo = current.ValidTo.AddDays(-1) }, validator: validator));
    }

    [Fact]
    public void ValidateChange_UpcomingShopeeEarlierEnd_Passes()
    {
        var current = Coupon(status: CouponStatus.Upcoming);

        Assert.Empty(Change(current, new CouponChange { ValidTo = current.ValidTo.AddDays(-1) }));
    }

    [Fact]
    public void ValidateChange_RunningShopeeEndPastThreeMonths_ReportsTooLong()
    {
        var current = Coupon();

        Assert.Equal([RuleCodes.TooLong], Change(current, new CouponChange { ValidTo = current.ValidFrom.AddMonths(3).AddHours(1) }).Codes());
    }

    [Fact]
    public void ValidateChange_UpcomingShopeeStart_PassesWhenFutureAndFailsWhenPast()
    {
        var current = Coupon(status: CouponStatus.Upcoming);

        Assert.Empty(Change(current, new CouponChange { ValidFrom = Now.AddHours(2) }));
        Assert.Equal([RuleCodes.StartInPast], Change(current, new CouponChange { ValidFrom = Now.AddHours(-2) }).Codes());
    }

    [Fact]
    public void ValidateChange_EndedShopee_ReportsNotEditable()
    {
        var violation = Assert.Single(Change(Coupon(status: CouponStatus.Ended), new CouponChange { Name = "Again" }));

        Assert.Equal(RuleCodes.ChangeNotEditable, violation.Code);
        Assert.Equal("An ended Shopee voucher cannot be changed.", violation.Message);
    }
}
