using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateDraftSpendTests
{
    [Fact]
    public void ValidateDraft_LazadaPhilippinesAtFiftyPercent_Passes() =>
        Assert.Empty(Validate(PercentDraft(Platform.Lazada, 50m), Platform.Lazada, "PH"));

    [Fact]
    public void ValidateDraft_LazadaPhilippinesOverFiftyPercent_ReportsOverSiteCap()
    {
        var violation = Assert.Single(Validate(PercentDraft(Platform.Lazada, 51m), Platform.Lazada, "PH"));

        Assert.Equal((RuleFields.Percentage, RuleCodes.OverSiteCap), (violation.Field, violation.Code));
        Assert.Equal("Lazada Philippines caps voucher discounts at 50%; this one takes 51% off.", violation.Message);
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(501, true)]
    public void ValidateDraft_LazadaPhilippinesFixedDepth_FiresOverCap(int amount, bool fires)
    {
        var draft = Draft(Platform.Lazada) with { DiscountAmount = amount, MinSpend = 1000m };

        Assert.Equal(fires, Validate(draft, Platform.Lazada, "PH").Codes().Contains(RuleCodes.OverSiteCap));
    }

    [Fact]
    public void ValidateDraft_LazadaSingaporeSixtyPercent_HasNoCap() =>
        Assert.Empty(Validate(PercentDraft(Platform.Lazada, 60m), Platform.Lazada, "SG"));

    [Fact]
    public void ValidateDraft_LazadaThailandOverDefaultDepth_ReportsOverSiteCap() =>
        Assert.Equal([RuleCodes.OverSiteCap], Validate(PercentDraft(Platform.Lazada, 55m), Platform.Lazada, "TH").Codes());

    [Fact]
    public void ValidateDraft_ConfiguredCap_OverridesDefault()
    {
        var lower = Validator(o => o.SiteDiscountCapPercent[Platform.Lazada]["PH"] = 40m);
        var lifted = Validator(o => o.SiteDiscountCapPercent[Platform.Lazada]["PH"] = 100m);

        Assert.Equal([RuleCodes.OverSiteCap], lower.ValidateDraft(Platform.Lazada, "PH", PercentDraft(Platform.Lazada, 45m), Now).Codes());
        Assert.Empty(lifted.ValidateDraft(Platform.Lazada, "PH", PercentDraft(Platform.Lazada, 60m), Now));
    }

    [Theory]
    [InlineData(Platform.Shopee, "ID", 15000.5)]
    [InlineData(Platform.Shopee, "VN", 10000.5)]
    [InlineData(Platform.Shopee, "PH", 100.5)]
    [InlineData(Platform.Lazada, "VN", 10000.5)]
    [InlineData(Platform.Shopee, "SG", 1.255)]
    public void ValidateDraft_AmountWithTooManyDecimals_ReportsMoneyDecimals(Platform platform, string site, double amount)
    {
        var draft = Draft(platform) with { DiscountAmount = (decimal)amount, MinSpend = 100_000m };

        var violation = Assert.Single(Validate(draft, platform, site));

        Assert.Equal((RuleFields.DiscountAmount, RuleCodes.MoneyDecimals), (violation.Field, violation.Code));
    }

    [Theory]
    [InlineData(Platform.Shopee, "ID", 15000)]
    [InlineData(Platform.Shopee, "SG", 1.25)]
    [InlineData(Platform.Shopee, "MY", 1.5)]
    public void ValidateDraft_AmountWithAllowedDecimals_Passes(Platform platform, string site, double amount) =>
        Assert.Empty(Validate(Draft(platform) with { DiscountAmount = (decimal)amount, MinSpend = 100_000m }, platform, site));

    [Fact]
    public void ValidateDraft_ShopeeIndonesiaDecimalMinSpend_SaysWholeAmounts()
    {
        var violation = Assert.Single(Validate(Draft() with { DiscountAmount = 5000m, MinSpend = 50000.5m }, Platform.Shopee, "ID"));

        Assert.Equal(RuleFields.MinSpend, violation.Field);
        Assert.Equal("Shopee takes whole IDR amounts on Indonesia; 50000.5 has decimals.", violation.Message);
    }

    [Fact]
    public void ValidateDraft_ShopeeMinSpendEqualToFixedDiscount_ReportsNotAboveDiscount()
    {
        var violation = Assert.Single(Validate(Draft() with { DiscountAmount = 10m, MinSpend = 10m }));

        Assert.Equal((RuleFields.MinSpend, RuleCodes.MinSpendNotAboveDiscount), (violation.Field, violation.Code));
        Assert.Contains("SGD 10.00 off needs more than SGD 10.00; it is SGD 10.00", violation.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10.01)]
    public void ValidateDraft_ShopeeMinSpendZeroOrAboveDiscount_Passes(double minSpend) =>
        Assert.Empty(Validate(Draft() with { DiscountAmount = 10m, MinSpend = (decimal)minSpend }));

    [Fact]
    public void ValidateDraft_LazadaMinSpendEqualToDiscount_IsNotAShopeeRule() =>
        Assert.Empty(Validate(Draft(Platform.Lazada) with { DiscountAmount = 10m, MinSpend = 10m }, Platform.Lazada, "SG"));

    [Fact]
    public void ValidateDraft_ShopeeCapNotAboveDiscountAtMinSpend_ReportsCapTooLow()
    {
        var violation = Assert.Single(Validate(PercentDraft(Platform.Shopee, 10m, cap: 5m, minSpend: 50m)));

        Assert.Equal((RuleFields.MaxDiscount, RuleCodes.CapTooLow), (violation.Field, violation.Code));
        Assert.Contains("above 10% of the SGD 50.00 minimum spend, so above SGD 5.00; it is SGD 5.00", violation.Message);
    }

    [Theory]
    [InlineData(5.01)]
    [InlineData(0)]
    public void ValidateDraft_ShopeeCapAboveDiscountAtMinSpendOrNone_Passes(double cap) =>
        Assert.Empty(Validate(PercentDraft(Platform.Shopee, 10m, cap: (decimal)cap, minSpend: 50m)));

    [Fact]
    public void ValidateDraft_NegativeMinSpend_ReportsNegative() =>
        Assert.Equal([RuleCodes.MinSpendNegative], Validate(Draft() with { MinSpend = -1m }).Codes());
}
