namespace CouponFunctions.Platforms.TikTok;

// TikTok Shop Partner API payloads (snake_case on the wire through PlatformJson.SnakeCase). They never leave this folder.

/// <summary>A coupon as SearchCoupons and GetCoupon return it (usage_stats only from GetCoupon).</summary>
internal sealed record TikTokCoupon
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Status { get; init; }

    public TikTokDiscount? Discount { get; init; }

    public TikTokThreshold? Threshold { get; init; }

    public string? ProductScope { get; init; }

    public string[]? ProductIds { get; init; }

    public string? DisplayType { get; init; }

    public string? PromoCode { get; init; }

    public TikTokPeriod? ClaimDuration { get; init; }

    public TikTokRedemptionDuration? RedemptionDuration { get; init; }

    public TikTokUsageLimits? UsageLimits { get; init; }

    public TikTokUsageStats? UsageStats { get; init; }
}

/// <summary>TikTok money: a decimal string with its currency.</summary>
internal sealed record TikTokMoney(decimal? Amount, string? Currency);

internal sealed record TikTokDiscount(string? Type, TikTokMoney? ReductionAmount, decimal? Percentage, TikTokMoney? MaxDiscount);

internal sealed record TikTokThreshold(string? Type, TikTokMoney? MinSpend);

/// <summary>A window in Unix seconds.</summary>
internal sealed record TikTokPeriod(long? StartTime, long? EndTime);

/// <summary>ABSOLUTE (start/end) or RELATIVE (valid for <see cref="RelativeDays"/> after the buyer claims it).</summary>
internal sealed record TikTokRedemptionDuration(string? Type, long? StartTime, long? EndTime, int? RelativeDays);

internal sealed record TikTokUsageLimits(int? TotalClaimLimit, int? SingleBuyerClaimLimit, int? RedemptionLimit);

internal sealed record TikTokUsageStats(int? ClaimedCount, int? RedeemedCount);

/// <summary>The data of /api/v2/token/get and /api/v2/token/refresh; the *_expire_in values are absolute Unix times.</summary>
internal sealed record TikTokTokenData
{
    public string? AccessToken { get; init; }

    public long AccessTokenExpireIn { get; init; }

    public string? RefreshToken { get; init; }

    public long RefreshTokenExpireIn { get; init; }

    public string? OpenId { get; init; }

    public string? SellerName { get; init; }

    public string? SellerBaseRegion { get; init; }
}

/// <summary>A shop of /authorization/202309/shops: the cipher picks the shop in every shop API call.</summary>
internal sealed record TikTokShop(string? Id, string? Name, string? Region, string? SellerType, string? Cipher, string? Code);

/// <summary>The body of SearchCoupons.</summary>
internal sealed record TikTokSearchCouponsBody(string[] Status);
