using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Deployments;

/// <summary>Stores, a template and coupons for deployment and bulk-action tests; each test changes one thing.</summary>
internal static class DeployTestData
{
    /// <summary>2026-03-02 10:00 in Singapore, a Monday.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static Store Store(Platform platform = Platform.Shopee, string site = "SG", string id = "s-shop1", string? zone = null,
        StoreStatus status = StoreStatus.Active) => new()
    {
        TenantId = TenantId.Parse("t-test"),
        Id = StoreId.Parse(id),
        Platform = platform,
        Site = site,
        ShopId = "shop-" + id,
        DisplayName = $"{site} Shop",
        TimeZoneId = zone ?? Sites.Get(site).TimeZoneId,
        Status = status,
        CreatedAt = Now.AddDays(-30),
        UpdatedAt = Now.AddDays(-30),
    };

    public static readonly Dictionary<string, decimal> Caps = new() { ["SGD"] = 20m, ["PHP"] = 500m, ["THB"] = 200m, ["IDR"] = 50_000m, ["GBP"] = 10m };

    public static readonly Dictionary<string, decimal> MinSpends = new() { ["SGD"] = 50m, ["PHP"] = 1000m, ["THB"] = 500m, ["IDR"] = 200_000m, ["GBP"] = 40m };

    /// <summary>10% off capped, a minimum spend, 100 coupons, code "MD" + 3, public, starting 48 h after deploy for 7 days.</summary>
    public static TemplateDefinition Template() => new()
    {
        Name = "Mid-year",
        DisplayNamePattern = "{name}",
        Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 10m, null, Caps),
        MinSpend = MinSpends,
        TotalQuantity = 100,
        PerBuyerLimit = 1,
        Code = new TemplateCode(CodeMode.PrefixPerStore, "MD", 3),
        Validity = TemplateValidity.Relative(48, 7),
    };

    public static TemplateDefinition Fixed(decimal amount, string currency = "SGD", decimal? minSpend = 50m) => Template() with
    {
        Discount = new TemplateDiscount(TemplateRewardKind.FixedAmount, null, new Dictionary<string, decimal> { [currency] = amount }, null),
        MinSpend = minSpend is { } m ? new Dictionary<string, decimal> { [currency] = m } : new Dictionary<string, decimal>(),
    };

    public static Coupon Coupon(Platform platform = Platform.Shopee, CouponStatus status = CouponStatus.Ongoing, string id = "v-1", string? code = "MDOLD") => new()
    {
        Platform = platform,
        PlatformCouponId = id,
        Code = code,
        Name = "Spring sale",
        Reward = RewardType.FixedAmount,
        DiscountAmount = 5m,
        MinSpend = 50m,
        TotalQuantity = 100,
        ClaimedCount = 40,
        PerBuyerLimit = 1,
        ValidFrom = status == CouponStatus.Upcoming ? Now.AddDays(1) : Now.AddDays(-10),
        ValidTo = status switch
        {
            CouponStatus.Upcoming => Now.AddDays(8),
            CouponStatus.Ended or CouponStatus.Deactivated => Now.AddDays(-1),
            _ => Now.AddDays(5),
        },
        Currency = "SGD",
        Status = status,
        RawStatus = status.ToString(),
    };

    public static Coupon PercentCoupon(Platform platform, decimal percentage, CouponStatus status = CouponStatus.Ongoing, string currency = "SGD") =>
        Coupon(platform, status) with { Reward = RewardType.Percentage, DiscountAmount = null, Percentage = percentage, MaxDiscount = 20m, Currency = currency };
}
