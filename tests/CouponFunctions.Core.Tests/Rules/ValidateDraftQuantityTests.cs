using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateDraftQuantityTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void ValidateDraft_QuantityBelowOne_ReportsTooLow(int quantity) =>
        Assert.Contains(RuleCodes.QuantityTooLow, Validate(Draft() with { TotalQuantity = quantity, PerBuyerLimit = null }).Codes());

    [Fact]
    public void ValidateDraft_QuantityOne_Passes() =>
        Assert.Empty(Validate(Draft() with { TotalQuantity = 1, PerBuyerLimit = 1 }));

    [Fact]
    public void ValidateDraft_ConfiguredMaximumQuantity_FiresAboveIt()
    {
        var validator = Validator(o => o.MaxTotalQuantity[Platform.Shopee] = 200_000);

        var violation = Assert.Single(validator.ValidateDraft(Platform.Shopee, "SG", Draft() with { TotalQuantity = 200_001 }, Now));
        Assert.Equal(RuleCodes.QuantityTooHigh, violation.Code);
        Assert.Equal("Shopee vouchers can have at most 200,000 in total; this one has 200,001.", violation.Message);
        Assert.Empty(validator.ValidateDraft(Platform.Shopee, "SG", Draft() with { TotalQuantity = 200_000 }, Now));
        Assert.Empty(Validate(Draft() with { TotalQuantity = 5_000_000 }));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void ValidateDraft_PerBuyerLimit_FiresBelowOneOrAboveTotal(int perBuyer, bool fires) =>
        Assert.Equal(fires, Validate(Draft() with { PerBuyerLimit = perBuyer }).Codes().Contains(RuleCodes.PerBuyerLimitInvalid));

    [Fact]
    public void ValidateDraft_ProductScopeWithoutProducts_ReportsRequired() =>
        Assert.Equal([RuleCodes.ProductsRequired], Validate(Draft() with { Scope = CouponScope.Product }).Codes());

    [Fact]
    public void ValidateDraft_ProductScopeWithProducts_Passes() =>
        Assert.Empty(Validate(Draft() with { Scope = CouponScope.Product, ProductIds = ["p1", "p2"] }));

    [Fact]
    public void ValidateDraft_DuplicateProducts_ReportsDuplicate()
    {
        var violation = Assert.Single(Validate(Draft() with { Scope = CouponScope.Product, ProductIds = ["p1", "p2", "p1"] }));

        Assert.Equal((RuleFields.ProductIds, RuleCodes.ProductsDuplicate), (violation.Field, violation.Code));
        Assert.Contains("p1", violation.Message);
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void ValidateDraft_TikTokProductCount_FiresAboveOneThousand(int count, bool fires)
    {
        var ids = Enumerable.Range(1, count).Select(i => $"p{i}").ToList();
        var draft = Draft(Platform.TikTok) with { Scope = CouponScope.Product, ProductIds = ids };

        Assert.Equal(fires, Validate(draft, Platform.TikTok, "SG").Codes().Contains(RuleCodes.ProductsTooMany));
    }
}
