using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateDraftCodeAndNameTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("ABCDE")]
    [InlineData("ab12Z")]
    public void ValidateDraft_ShopeeCodeOfOneToFiveLettersOrDigits_Passes(string code) =>
        Assert.Empty(Validate(Draft() with { Code = code }));

    [Fact]
    public void ValidateDraft_ShopeeSixCharacterCode_ReportsLength()
    {
        var violation = Assert.Single(Validate(Draft() with { Code = "ABCDEF" }));

        Assert.Equal((RuleFields.Code, RuleCodes.CodeLength), (violation.Field, violation.Code));
        Assert.Equal("Shopee voucher codes must be 1–5 characters; 'ABCDEF' has 6.", violation.Message);
    }

    [Theory]
    [InlineData("AB-1")]
    [InlineData("AB 1")]
    [InlineData("ÄB1")]
    public void ValidateDraft_ShopeeCodeWithOtherCharacters_ReportsFormat(string code) =>
        Assert.Equal([RuleCodes.CodeFormat], Validate(Draft() with { Code = code }).Codes());

    [Fact]
    public void ValidateDraft_ShopeeWithoutCode_ReportsRequired() =>
        Assert.Equal([RuleCodes.CodeRequired], Validate(Draft() with { Code = null }).Codes());

    [Fact]
    public void ValidateDraft_LazadaWithOrWithoutCode_IgnoresIt()
    {
        Assert.Empty(Validate(Draft(Platform.Lazada) with { Code = null }, Platform.Lazada, "SG"));
        Assert.Empty(Validate(Draft(Platform.Lazada) with { Code = "ANY-THING-AT-ALL" }, Platform.Lazada, "SG"));
    }

    [Theory]
    [InlineData("ABCDE", true)]
    [InlineData("ABCDEF", false)]
    [InlineData("ABCDEFGH", false)]
    [InlineData("ABCDEFGHI", true)]
    public void ValidateDraft_TikTokPromoCodeLength_FiresOutsideSixToEight(string code, bool fires) =>
        Assert.Equal(fires, Validate(Draft(Platform.TikTok) with { Code = code }, Platform.TikTok, "SG").Codes().Contains(RuleCodes.CodeLength));

    [Fact]
    public void ValidateDraft_TikTokWithoutCode_IsAccepted() =>
        Assert.Empty(Validate(Draft(Platform.TikTok) with { Code = null }, Platform.TikTok, "SG").ExceptCreate());

    [Fact]
    public void ValidateDraft_TikTok_ReportsCreateUnsupported()
    {
        var violation = Assert.Single(Validate(Draft(Platform.TikTok), Platform.TikTok, "SG"));

        Assert.Equal((RuleFields.Coupon, RuleCodes.CreateUnsupported), (violation.Field, violation.Code));
        Assert.Contains("Seller Center", violation.Message);
    }

    [Fact]
    public void ValidateDraft_ShoplineCodeWithSpace_ReportsFormat() =>
        Assert.Equal([RuleCodes.CodeFormat], Validate(Draft(Platform.Shopline) with { Code = "MID YEAR" }, Platform.Shopline, "TW").Codes());

    [Fact]
    public void ValidateDraft_NameAtMaximum_Passes() =>
        Assert.Empty(Validate(Draft() with { Name = new string('n', 100) }));

    [Fact]
    public void ValidateDraft_NameOverMaximum_ReportsTooLong()
    {
        var violation = Assert.Single(Validate(Draft() with { Name = new string('n', 101) }));

        Assert.Equal((RuleFields.Name, RuleCodes.NameTooLong), (violation.Field, violation.Code));
        Assert.Equal("Shopee voucher names can be at most 100 characters; this one has 101.", violation.Message);
    }

    [Fact]
    public void ValidateDraft_TikTokNameOverFifty_ReportsTooLong() =>
        Assert.Equal([RuleCodes.NameTooLong], Validate(Draft(Platform.TikTok) with { Name = new string('n', 51) }, Platform.TikTok, "SG").ExceptCreate().Codes());

    [Fact]
    public void ValidateDraft_BlankName_ReportsRequired() =>
        Assert.Equal([RuleCodes.NameRequired], Validate(Draft() with { Name = "  " }).Codes());

    [Fact]
    public void ValidateDraft_ConfiguredNameLength_UsesIt()
    {
        var validator = Validator(o => o.NameMaxLength[Platform.Shopee] = 20);

        Assert.Equal([RuleCodes.NameTooLong], validator.ValidateDraft(Platform.Shopee, "SG", Draft() with { Name = new string('n', 21) }, Now).Codes());
    }
}
