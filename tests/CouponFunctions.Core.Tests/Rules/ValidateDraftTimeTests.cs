using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateDraftTimeTests
{
    [Theory]
    [InlineData(Platform.Shopee, "SG")]
    [InlineData(Platform.Lazada, "PH")]
    [InlineData(Platform.Shopline, "TW")]
    public void ValidateDraft_ValidDraft_ReturnsNoViolations(Platform platform, string site) =>
        Assert.Empty(Validate(Draft(platform) with { DiscountAmount = 5m, MinSpend = 50m }, platform, site));

    [Fact]
    public void ValidateDraft_ShopeeExactlyOneHour_Passes() =>
        Assert.Empty(Validate(Draft() with { ValidTo = Start.AddHours(1) }));

    [Fact]
    public void ValidateDraft_ShopeeThirtyMinutes_ReportsTooShortWithNumbers()
    {
        var violation = Assert.Single(Validate(Draft() with { ValidTo = Start.AddMinutes(30) }));

        Assert.Equal(RuleFields.ValidTo, violation.Field);
        Assert.Equal(RuleCodes.TooShort, violation.Code);
        Assert.Equal("Shopee vouchers must end at least 1 hour after they start; this one lasts 30 minutes.", violation.Message);
    }

    [Fact]
    public void ValidateDraft_ShopeeOneMinuteShortOfAnHour_ReportsTooShort() =>
        Assert.Equal([RuleCodes.TooShort], Validate(Draft() with { ValidTo = Start.AddMinutes(59) }).Codes());

    [Fact]
    public void ValidateDraft_ShopeeExactlyThreeMonths_Passes() =>
        Assert.Empty(Validate(Draft() with { ValidTo = Start.AddMonths(3) }));

    [Fact]
    public void ValidateDraft_ShopeeThreeMonthsAndAMinute_ReportsTooLong()
    {
        var violation = Assert.Single(Validate(Draft() with { ValidTo = Start.AddMonths(3).AddMinutes(1) }));

        Assert.Equal(RuleCodes.TooLong, violation.Code);
        Assert.Contains("at most 3 months", violation.Message);
        Assert.Contains("2025-09-03 10:01 (UTC+08:00)", violation.Message);
    }

    [Fact]
    public void ValidateDraft_LazadaOneYear_HasNoMaximum() =>
        Assert.Empty(Validate(Draft(Platform.Lazada) with { ValidTo = Start.AddYears(1) }, Platform.Lazada, "MY"));

    [Fact]
    public void ValidateDraft_StartExactlyNow_Passes() =>
        Assert.Empty(Validate(Draft() with { ValidFrom = Now, ValidTo = Now.AddDays(1) }));

    [Fact]
    public void ValidateDraft_StartInThePast_ReportsStartInPast()
    {
        var violation = Assert.Single(Validate(Draft() with { ValidFrom = Now.AddMinutes(-5), ValidTo = Now.AddDays(1) }));

        Assert.Equal((RuleFields.ValidFrom, RuleCodes.StartInPast), (violation.Field, violation.Code));
        Assert.Contains("5 minutes before now", violation.Message);
    }

    [Fact]
    public void ValidateDraft_ShoplineStartInThePast_IsAccepted() =>
        Assert.Empty(Validate(Draft(Platform.Shopline) with { ValidFrom = Now.AddDays(-1) }, Platform.Shopline, "TW"));

    [Fact]
    public void ValidateDraft_ConfiguredLeadTimeNotMet_ReportsStartTooSoon()
    {
        var validator = Validator(o => o.ShopeeMinLeadTime = TimeSpan.FromMinutes(15));
        var draft = Draft() with { ValidFrom = Now.AddMinutes(10), ValidTo = Now.AddDays(1) };

        var violation = Assert.Single(validator.ValidateDraft(Platform.Shopee, "SG", draft, Now));

        Assert.Equal(RuleCodes.StartTooSoon, violation.Code);
        Assert.Equal("Shopee vouchers must start at least 15 minutes from now; this one starts in 10 minutes.", violation.Message);
        Assert.Empty(validator.ValidateDraft(Platform.Shopee, "SG", draft with { ValidFrom = Now.AddMinutes(15) }, Now));
    }

    [Fact]
    public void ValidateDraft_EndBeforeStart_ReportsOnlyEndBeforeStart() =>
        Assert.Equal([RuleCodes.EndBeforeStart], Validate(Draft() with { ValidTo = Start.AddHours(-2) }).Codes());

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void ValidateDraft_TikTokTenMinuteMinimum_FiresBelowIt(int minutes, bool fires)
    {
        var codes = Validate(Draft(Platform.TikTok) with { ValidTo = Start.AddMinutes(minutes) }, Platform.TikTok, "SG").ExceptCreate().Codes();

        Assert.Equal(fires, codes.Contains(RuleCodes.TooShort));
    }

    [Theory]
    [InlineData(365, false)]
    [InlineData(366, true)]
    public void ValidateDraft_TikTok365DayMaximum_FiresAboveIt(int days, bool fires)
    {
        var codes = Validate(Draft(Platform.TikTok) with { ValidTo = Start.AddDays(days) }, Platform.TikTok, "SG").ExceptCreate().Codes();

        Assert.Equal(fires, codes.Contains(RuleCodes.TooLong));
    }

    [Fact]
    public void ValidateDraft_ClaimStartAfterEnd_ReportsClaimAfterEnd()
    {
        Assert.Equal([RuleCodes.ClaimAfterEnd], Validate(Draft() with { ClaimStart = Start.AddDays(8) }).Codes());
        Assert.Empty(Validate(Draft() with { ClaimStart = Start.AddHours(-1) }));
    }
}
