using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateOperationTests
{
    private static IReadOnlyList<RuleViolation> Operate(Platform platform, CouponStatus status, CouponOperation operation) =>
        CouponRuleValidator.Default.ValidateOperation(platform, Coupon(platform, status), operation);

    [Fact]
    public void ValidateOperation_LazadaDelete_ReportsUnsupportedAndSaysDeactivate()
    {
        var violation = Assert.Single(Operate(Platform.Lazada, CouponStatus.Upcoming, CouponOperation.Delete));

        Assert.Equal((RuleFields.Coupon, RuleCodes.OperationUnsupported), (violation.Field, violation.Code));
        Assert.Contains("deactivate", violation.Message);
    }

    [Fact]
    public void ValidateOperation_LazadaEndRunning_Passes() =>
        Assert.Empty(Operate(Platform.Lazada, CouponStatus.Ongoing, CouponOperation.End));

    [Fact]
    public void ValidateOperation_ShopeeDeleteUpcoming_Passes() =>
        Assert.Empty(Operate(Platform.Shopee, CouponStatus.Upcoming, CouponOperation.Delete));

    [Fact]
    public void ValidateOperation_ShopeeDeleteRunning_ReportsNotAllowedInStatus() =>
        Assert.Equal([RuleCodes.OperationNotAllowedInStatus], Operate(Platform.Shopee, CouponStatus.Ongoing, CouponOperation.Delete).Codes());

    [Fact]
    public void ValidateOperation_ShopeeEndUpcoming_ReportsNotAllowedInStatus() =>
        Assert.Equal([RuleCodes.OperationNotAllowedInStatus], Operate(Platform.Shopee, CouponStatus.Upcoming, CouponOperation.End).Codes());

    [Theory]
    [InlineData(CouponOperation.End)]
    [InlineData(CouponOperation.Delete)]
    [InlineData(CouponOperation.Update)]
    public void ValidateOperation_TikTokAnything_ReportsUnsupported(CouponOperation operation) =>
        Assert.Equal([RuleCodes.OperationUnsupported], Operate(Platform.TikTok, CouponStatus.Ongoing, operation).Codes());
}
