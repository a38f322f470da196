using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Rules;

/// <summary>Valid starting points for rule tests; each test changes one thing and expects one rule to fire (or not).</summary>
internal static class RuleTestData
{
    /// <summary>2025-06-02 10:00 in Singapore.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Start = Now.AddDays(1);

    public static CouponDraft Draft(Platform platform = Platform.Shopee) => new()
    {
        Name = "Mid-year sale",
        Code = platform switch
        {
            Platform.Shopee => "MID5",
            Platform.TikTok => "MIDYEAR",
            Platform.Shopline => "MIDYEAR5",
            _ => null,
        },
        Reward = RewardType.FixedAmount,
        DiscountAmount = 5m,
        MinSpend = 50m,
        TotalQuantity = 100,
        PerBuyerLimit = 1,
        ValidFrom = Start,
        ValidTo = Start.AddDays(7),
    };

    public static CouponDraft PercentDraft(Platform platform, decimal percentage, decimal? cap = null, decimal minSpend = 50m) =>
        Draft(platform) with { Reward = RewardType.Percentage, DiscountAmount = null, Percentage = percentage, MaxDiscount = cap, MinSpend = minSpend };

    public static Coupon Coupon(Platform platform = Platform.Shopee, CouponStatus status = CouponStatus.Ongoing) => new()
    {
        Platform = platform,
        PlatformCouponId = "v-1",
        Code = "SHOPMID5",
        Name = "Mid-year sale",
        Reward = RewardType.FixedAmount,
        DiscountAmount = 5m,
        MinSpend = 50m,
        TotalQuantity = 100,
        ClaimedCount = 40,
        ValidFrom = status == CouponStatus.Upcoming ? Start : Now.AddDays(-2),
        ValidTo = status == CouponStatus.Upcoming ? Start.AddDays(7) : Now.AddDays(5),
        Currency = "SGD",
        Status = status,
        RawStatus = status.ToString(),
    };

    public static Coupon PercentCoupon(Platform platform, decimal percentage, decimal? cap, decimal minSpend, string currency = "SGD") =>
        Coupon(platform) with
        {
            Reward = RewardType.Percentage, DiscountAmount = null, Percentage = percentage, MaxDiscount = cap, MinSpend = minSpend, Currency = currency,
        };

    public static CouponRuleValidator Validator(Action<RuleCatalogOptions>? configure = null)
    {
        var options = new RuleCatalogOptions();
        configure?.Invoke(options);
        return new CouponRuleValidator(new PlatformRuleCatalog(options));
    }

    public static IReadOnlyList<RuleViolation> Validate(CouponDraft draft, Platform platform = Platform.Shopee, string site = "SG") =>
        CouponRuleValidator.Default.ValidateDraft(platform, site, draft, Now);

    public static IReadOnlyList<string> Codes(this IReadOnlyList<RuleViolation> violations) => violations.Select(v => v.Code).ToList();

    /// <summary>The violations other than "TikTok cannot create coupons", which every TikTok draft carries.</summary>
    public static IReadOnlyList<RuleViolation> ExceptCreate(this IReadOnlyList<RuleViolation> violations) =>
        violations.Where(v => v.Code != RuleCodes.CreateUnsupported).ToList();
}
