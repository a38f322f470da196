using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Rules.RuleTestData;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class ValidateDraftDiscountTests
{
    private static IReadOnlyList<string> TikTok(decimal percentage, CouponRuleValidator? validator = null) =>
        (validator ?? CouponRuleValidator.Default)
            .ValidateDraft(Platform.TikTok, "SG", PercentDraft(Platform.TikTok, percentage), Now).ExceptCreate().Codes();

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public void ValidateDraft_TikTokPercentageAtBounds_Passes(int percentage) => Assert.Empty(TikTok(percentage));

    [Theory]
    [InlineData(4.99)]
    [InlineData(50.01)]
    public void ValidateDraft_TikTokPercentageOutsideFiveToFifty_ReportsRange(double percentage) =>
        Assert.Equal([RuleCodes.PercentageRange], TikTok((decimal)percentage));

    [Fact]
    public void ValidateDraft_TikTokPercentageOutOfRange_SaysTheRange()
    {
        var violation = Assert.Single(Validate(PercentDraft(Platform.TikTok, 60m), Platform.TikTok, "SG").ExceptCreate());

        Assert.Equal("TikTok Shop coupons take 5%–50% off; this one takes 60%.", violation.Message);
    }

    [Fact]
    public void ValidateDraft_TikTokMaximumWidenedByOptions_Accepts60() =>
        Assert.Empty(TikTok(60m, Validator(o => o.TikTokMaxPercentage = 90m)));

    [Theory]
    [InlineData(0.49, true)]
    [InlineData(0.50, false)]
    public void ValidateDraft_TikTokFixedAmount_FiresBelowHalfAUnit(double amount, bool fires)
    {
        var draft = Draft(Platform.TikTok) with { DiscountAmount = (decimal)amount, MinSpend = 10m };

        Assert.Equal(fires, Validate(draft, Platform.TikTok, "SG").Codes().Contains(RuleCodes.BelowMinAmount));
    }

    [Fact]
    public void ValidateDraft_ShopeeFractionalPercentage_ReportsWhole()
    {
        Assert.Equal([RuleCodes.PercentageWhole], Validate(PercentDraft(Platform.Shopee, 12.5m)).Codes());
        Assert.Empty(Validate(PercentDraft(Platform.Shopee, 12m)));
    }

    [Fact]
    public void ValidateDraft_LazadaFractionalPercentage_IsAccepted() =>
        Assert.Empty(Validate(PercentDraft(Platform.Lazada, 12.5m), Platform.Lazada, "SG"));

    [Fact]
    public void ValidateDraft_CoinCashbackOnLazada_ReportsRewardUnsupported()
    {
        var draft = PercentDraft(Platform.Lazada, 10m) with { Reward = RewardType.CoinCashback };

        var violation = Assert.Single(Validate(draft, Platform.Lazada, "SG"));

        Assert.Equal((RuleFields.Reward, RuleCodes.RewardUnsupported), (violation.Field, violation.Code));
        Assert.Equal("Lazada vouchers cannot be coin cashback; choose fixed amount or percentage.", violation.Message);
    }

    [Fact]
    public void ValidateDraft_CoinCashbackOnShopee_IsAccepted() =>
        Assert.Empty(Validate(PercentDraft(Platform.Shopee, 10m) with { Reward = RewardType.CoinCashback }));

    [Fact]
    public void ValidateDraft_FixedWithoutAmount_ReportsAmountRequired() =>
        Assert.Equal([RuleCodes.AmountRequired], Validate(Draft() with { DiscountAmount = null }).Codes());

    [Fact]
    public void ValidateDraft_PercentageWithoutPercentage_ReportsPercentageRequired() =>
        Assert.Equal([RuleCodes.PercentageRequired], Validate(PercentDraft(Platform.Shopee, 0m)).Codes());

    [Fact]
    public void ValidateDraft_FixedWithPercentageAndCap_ReportsBothNotApplicable() =>
        Assert.Equal([RuleCodes.PercentageNotApplicable, RuleCodes.CapNotApplicable],
            Validate(Draft() with { Percentage = 10m, MaxDiscount = 3m }).Codes());

    [Fact]
    public void ValidateDraft_PercentageWithFixedAmount_ReportsAmountNotApplicable() =>
        Assert.Equal([RuleCodes.AmountNotApplicable], Validate(PercentDraft(Platform.Shopee, 10m) with { DiscountAmount = 5m }).Codes());

    [Fact]
    public void ValidateDraft_NegativeCap_ReportsCapInvalid() =>
        Assert.Equal([RuleCodes.CapInvalid], Validate(PercentDraft(Platform.Lazada, 10m, cap: -1m), Platform.Lazada, "SG").Codes());

    [Fact]
    public void ValidateDraft_ShopeeConfiguredMinimumDepth_FiresBelowIt()
    {
        var validator = Validator(o => o.ShopeeMinDiscountDepthPercent = 5m);

        Assert.Equal([RuleCodes.BelowMinDepth], validator.ValidateDraft(Platform.Shopee, "SG", PercentDraft(Platform.Shopee, 4m), Now).Codes());
        Assert.Equal([RuleCodes.BelowMinDepth], validator.ValidateDraft(Platform.Shopee, "SG", Draft() with { DiscountAmount = 2m }, Now).Codes());
        Assert.Empty(validator.ValidateDraft(Platform.Shopee, "SG", PercentDraft(Platform.Shopee, 5m), Now));
        Assert.Empty(Validate(PercentDraft(Platform.Shopee, 4m)));
    }
}
