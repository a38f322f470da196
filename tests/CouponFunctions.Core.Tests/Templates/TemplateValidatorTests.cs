using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.Tests.Templates;

public sealed class TemplateValidatorTests
{
    private static TemplateInput Valid() => new()
    {
        Name = "  Mid-year sale ",
        Description = "For the KOL campaign.\nSee the contract.",
        Campaign = new CampaignInput("Mid-Year Sale!", "KOL Anna", "https://example.com/deal"),
        Discount = new DiscountInput("percentage", 10m, null, new Dictionary<string, decimal> { ["sgd"] = 20m }),
        MinSpend = new Dictionary<string, decimal> { ["SGD"] = 50m, ["IDR"] = 0m },
        TotalQuantity = 100,
        PerBuyerLimit = 1,
        Code = new CodeInput("prefix", "MD", null),
        Validity = new ValidityInput("absolute", "2026-06-01T00:00", "2026-06-07T23:59:59", null, null),
    };

    private static ValidationErrors Errors(TemplateInput input)
    {
        var result = TemplateValidator.Validate(input);
        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        return result.Errors!;
    }

    [Fact]
    public void Validate_ValidInput_ReturnsNormalisedDefinition()
    {
        var result = TemplateValidator.Validate(Valid());

        Assert.True(result.IsOk);
        var t = result.Value;
        Assert.Equal("Mid-year sale", t.Name);
        Assert.Equal("{name}", t.DisplayNamePattern);
        Assert.Equal("mid-year-sale", t.Campaign!.Tag);
        Assert.Equal(20m, t.Discount.Cap!["SGD"]);
        Assert.Equal(new TemplateCode(CodeMode.PrefixPerStore, "MD", 3), t.Code);
        Assert.Equal(CouponVisibility.Public, t.Visibility);
        Assert.Equal(new DateTime(2026, 6, 7, 23, 59, 59), t.Validity.LocalEnd);
        Assert.Equal(DateTimeKind.Unspecified, t.Validity.LocalStart!.Value.Kind);
        Assert.True(t.Scope.IsShopWide);
    }

    [Fact]
    public void Validate_Null_ReportsBody() => Assert.Contains("body", Errors(null!).Keys);

    [Fact]
    public void Validate_EmptyInput_NamesEveryRequiredField() =>
        Assert.Equal(["code", "discount", "name", "totalQuantity", "validity"], Errors(new TemplateInput()).Keys.Order());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Sale \u202Eelas")]
    [InlineData("Sale\u0007")]
    [InlineData("Two\nlines")]
    [InlineData("Two\u2028lines")]
    public void Validate_BadName_ReportsName(string name) => Assert.Equal(["name"], Errors(Valid() with { Name = name }).Keys);

    [Fact]
    public void Validate_NameAtLimit_Passes() => Assert.True(TemplateValidator.Validate(Valid() with { Name = new string('a', 100) }).IsOk);

    [Fact]
    public void Validate_NameOverLimit_ReportsLength() =>
        Assert.Contains("at most 100", Assert.Single(Errors(Valid() with { Name = new string('a', 101) })["name"]));

    [Fact]
    public void Validate_DescriptionWithIsolate_ReportsDescription() =>
        Assert.Equal(["description"], Errors(Valid() with { Description = "ok \u2066hidden\u2069" }).Keys);

    [Fact]
    public void Validate_DescriptionWithNewlinesAndTabs_Passes() =>
        Assert.Equal("a\n\tb", TemplateValidator.Validate(Valid() with { Description = "a\n\tb" }).Value!.Description);

    [Theory]
    [InlineData("{name} {shop}")]
    [InlineData("{name} {store")]
    public void Validate_BadPattern_ReportsDisplayNamePattern(string pattern) =>
        Assert.Equal(["displayNamePattern"], Errors(Valid() with { DisplayNamePattern = pattern }).Keys);

    [Fact]
    public void Validate_PatternWithKnownTokens_Passes() =>
        Assert.True(TemplateValidator.Validate(Valid() with { DisplayNamePattern = "{name} – {store} {site} {platform} {campaign}" }).IsOk);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/x")]
    [InlineData("/relative")]
    public void Validate_DealUrlNotHttp_ReportsDealUrl(string url) =>
        Assert.Equal(["campaign.dealUrl"], Errors(Valid() with { Campaign = new CampaignInput("X", null, url) }).Keys);

    [Fact]
    public void Validate_CampaignWithoutName_ReportsCampaignName() =>
        Assert.Equal(["campaign.name"], Errors(Valid() with { Campaign = new CampaignInput(null, "newsletter", null) }).Keys);

    [Fact]
    public void Validate_CampaignNameOfPunctuation_ReportsCampaignName() =>
        Assert.Equal(["campaign.name"], Errors(Valid() with { Campaign = new CampaignInput("!!!", null, null) }).Keys);

    [Theory]
    [InlineData(null, "discount.percentage")]
    [InlineData("0", "discount.percentage")]
    [InlineData("100.5", "discount.percentage")]
    public void Validate_BadPercentage_ReportsPercentage(string? value, string field) =>
        Assert.Equal([field], Errors(Valid() with { Discount = new DiscountInput("percentage", value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), null, null) }).Keys);

    [Fact]
    public void Validate_UnknownDiscountType_ReportsType() =>
        Assert.Equal(["discount.type"], Errors(Valid() with { Discount = new DiscountInput("bogo", null, null, null) }).Keys);

    [Fact]
    public void Validate_FixedWithoutAmount_ReportsAmount() =>
        Assert.Equal(["discount.amount"], Errors(Valid() with { Discount = new DiscountInput("fixedAmount", null, null, null) }).Keys);

    [Fact]
    public void Validate_FixedWithCapAndPercentage_ReportsBoth() =>
        Assert.Equal(["discount.cap", "discount.percentage"], Errors(Valid() with
        {
            Discount = new DiscountInput("fixedAmount", 5m, new() { ["SGD"] = 5m }, new() { ["SGD"] = 5m }),
        }).Keys.Order());

    [Fact]
    public void Validate_UnknownCurrencyAndZeroAmount_ReportsEachKey() =>
        Assert.Equal(["discount.amount.SGD", "discount.amount.XYZ"], Errors(Valid() with
        {
            Discount = new DiscountInput("fixedAmount", null, new() { ["XYZ"] = 5m, ["SGD"] = 0m }, null),
        }).Keys.Order());

    [Fact]
    public void Validate_FreeShippingWithPercentage_ReportsDiscount() =>
        Assert.Equal(["discount"], Errors(Valid() with { Discount = new DiscountInput("freeShipping", 5m, null, null) }).Keys);

    [Fact]
    public void Validate_FreeShipping_Passes() =>
        Assert.Equal(TemplateRewardKind.FreeShipping, TemplateValidator.Validate(Valid() with { Discount = new DiscountInput("freeShipping", null, null, null) }).Value!.Discount.Kind);

    [Fact]
    public void Validate_NegativeMinSpend_ReportsCurrencyPath() =>
        Assert.Equal(["minSpend.SGD"], Errors(Valid() with { MinSpend = new() { ["SGD"] = -1m } }).Keys);

    [Theory]
    [InlineData(null, 1, "totalQuantity")]
    [InlineData(0, null, "totalQuantity")]
    [InlineData(10, 11, "perBuyerLimit")]
    [InlineData(10, 0, "perBuyerLimit")]
    public void Validate_BadQuantities_ReportsField(int? total, int? perBuyer, string field) =>
        Assert.Equal([field], Errors(Valid() with { TotalQuantity = total, PerBuyerLimit = perBuyer }).Keys);

    [Theory]
    [InlineData("prefix", "MD-", null, "code.value")]
    [InlineData("prefix", "", null, "code.value")]
    [InlineData("prefix", "MD", 9, "code.suffixLength")]
    [InlineData("random", "MD", null, "code.mode")]
    public void Validate_BadCode_ReportsField(string mode, string value, int? suffix, string field) =>
        Assert.Equal([field], Errors(Valid() with { Code = new CodeInput(mode, value, suffix) }).Keys);

    [Fact]
    public void Validate_BadVisibility_ReportsVisibility() => Assert.Equal(["visibility"], Errors(Valid() with { Visibility = "hidden" }).Keys);

    [Fact]
    public void Validate_CodeOnly_Passes() =>
        Assert.Equal(CouponVisibility.CodeOnly, TemplateValidator.Validate(Valid() with { Visibility = "codeOnly" }).Value!.Visibility);

    [Theory]
    [InlineData("2026-06-01T00:00+08:00", "2026-06-07T00:00", "validity.start")]
    [InlineData("2026-06-01", "2026-06-07T00:00", "validity.start")]
    [InlineData("2026-06-07T00:00", "2026-06-01T00:00", "validity.end")]
    [InlineData("2026-06-01T00:00", "2027-06-07T00:00", "validity.end")]
    public void Validate_BadAbsoluteValidity_ReportsField(string start, string end, string field) =>
        Assert.Equal([field], Errors(Valid() with { Validity = new ValidityInput("absolute", start, end, null, null) }).Keys);

    [Theory]
    [InlineData(-1, 7, "validity.startAfterHours")]
    [InlineData(721, 7, "validity.startAfterHours")]
    [InlineData(0, null, "validity.durationDays")]
    [InlineData(0, 0, "validity.durationDays")]
    public void Validate_BadRelativeValidity_ReportsField(int after, int? days, string field) =>
        Assert.Equal([field], Errors(Valid() with { Validity = new ValidityInput("relative", null, null, after, days) }).Keys);

    [Fact]
    public void Validate_RelativeValidity_Passes() =>
        Assert.Equal(TemplateValidity.Relative(24, 7), TemplateValidator.Validate(Valid() with { Validity = new ValidityInput("relative", null, null, 24, 7) }).Value!.Validity);

    [Fact]
    public void Validate_ProductScope_KeepsIdsPerStore()
    {
        var scope = new ScopeInput("products", new() { ["s-shop1"] = ["111", " 222 "] });

        var t = TemplateValidator.Validate(Valid() with { Scope = scope }).Value!;

        Assert.False(t.Scope.IsShopWide);
        Assert.Equal(["111", "222"], t.Scope.ProductsOf(StoreId.Parse("s-shop1")));
        Assert.Empty(t.Scope.ProductsOf(StoreId.Parse("s-other")));
    }

    [Fact]
    public void Validate_BadProductScope_NamesEachPath() =>
        Assert.Equal(["scope.productIds.BAD KEY", "scope.productIds.s-shop1[1]"], Errors(Valid() with
        {
            Scope = new ScopeInput("products", new() { ["s-shop1"] = ["111", "2\u00002"], ["BAD KEY"] = ["1"] }),
        }).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Validate_ProductsWithoutIds_ReportsProductIds() =>
        Assert.Equal(["scope.productIds"], Errors(Valid() with { Scope = new ScopeInput("products", null) }).Keys);

    [Fact]
    public void Validate_ShopScopeWithIds_ReportsProductIds() =>
        Assert.Equal(["scope.productIds"], Errors(Valid() with { Scope = new ScopeInput("shop", new() { ["s-shop1"] = ["1"] }) }).Keys);

    [Fact]
    public void Validate_OverrideForUnknownPlatform_ReportsKey() =>
        Assert.Equal(["overrides.amazon"], Errors(Valid() with { Overrides = new() { ["amazon"] = new OverrideInput { Percentage = 5m } } }).Keys);

    [Fact]
    public void Validate_AmountOverrideOnPercentageTemplate_ReportsPath() =>
        Assert.Equal(["overrides.lazada.amount"], Errors(Valid() with { Overrides = new() { ["lazada"] = new OverrideInput { Amount = new() { ["PHP"] = 5m } } } }).Keys);

    [Fact]
    public void Validate_OverrideWithBadValues_NamesNestedPaths() =>
        Assert.Equal(["overrides.shopee.code", "overrides.shopee.percentage", "overrides.shopee.visibility"], Errors(Valid() with
        {
            Overrides = new() { ["shopee"] = new OverrideInput { Percentage = 0m, Visibility = "x", Code = "A B" } },
        }).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void ForPlatform_WithOverride_LaysItOverTheTemplate()
    {
        var input = Valid() with { Overrides = new() { ["lazada"] = new OverrideInput { Percentage = 5m, Code = "LZ", TotalQuantity = 10 } } };
        var t = TemplateValidator.Validate(input).Value!;

        var lazada = t.ForPlatform(Platform.Lazada);
        var shopee = t.ForPlatform(Platform.Shopee);

        Assert.Equal((5m, "LZ", 10), (lazada.Discount.Percentage!.Value, lazada.Code.Value, lazada.TotalQuantity));
        Assert.Equal(CodeMode.PrefixPerStore, lazada.Code.Mode);
        Assert.Equal((10m, "MD", 100), (shopee.Discount.Percentage!.Value, shopee.Code.Value, shopee.TotalQuantity));
    }

    [Theory]
    [InlineData("Mid-Year Sale!", "mid-year-sale")]
    [InlineData("  KOL  Anna / TH ", "kol-anna-th")]
    [InlineData("Été 2026", "été-2026")]
    public void TagOf_Name_IsLowerCaseWithHyphens(string name, string tag) => Assert.Equal(tag, CampaignInfo.TagOf(name));

    [Fact]
    public void Render_Tokens_AreReplacedAndSpacesCollapsed() =>
        Assert.Equal("Mid-year – SG Shop (shopee SG)", DisplayNamePattern.Render("{name} – {store} {campaign} ({platform} {site})", "Mid-year", "SG Shop", "SG", "shopee", null));
}
