namespace CouponFunctions.Sandbox.TikTok;

/// <summary>A coupon held by the TikTok Shop sandbox (times in whole seconds). Seed it with <see cref="TikTokSandbox.AddCoupon"/>.</summary>
public sealed record TikTokSandboxCoupon
{
    /// <summary>Assigned by the sandbox when empty.</summary>
    public string CouponId { get; init; } = string.Empty;

    public required string Title { get; init; }

    /// <summary>AMOUNT_OFF or PERCENT_OFF.</summary>
    public string DiscountType { get; init; } = "AMOUNT_OFF";

    public decimal ReductionAmount { get; init; }

    public decimal Percentage { get; init; }

    /// <summary>Cap of a PERCENT_OFF coupon; null = none.</summary>
    public decimal? MaxDiscount { get; init; }

    /// <summary>Minimum spend; null = threshold NONE.</summary>
    public decimal? MinSpend { get; init; }

    /// <summary>Empty = FULL_SHOP, else SPECIFIC_PRODUCTS.</summary>
    public IReadOnlyList<string> ProductIds { get; init; } = [];

    /// <summary>REGULAR | LIVE | CREATOR_EXCLUSIVE | CHAT | PROMO_CODE.</summary>
    public string DisplayType { get; init; } = "REGULAR";

    /// <summary>Letters and digits, 6–12 characters; PROMO_CODE coupons only.</summary>
    public string? PromoCode { get; init; }

    public required DateTimeOffset ClaimStart { get; init; }

    public required DateTimeOffset ClaimEnd { get; init; }

    /// <summary>ABSOLUTE redemption window; leave null and set <see cref="RelativeDays"/> for RELATIVE.</summary>
    public DateTimeOffset? RedemptionStart { get; init; }

    public DateTimeOffset? RedemptionEnd { get; init; }

    /// <summary>RELATIVE redemption: usable for this many days after the buyer claims it.</summary>
    public int? RelativeDays { get; init; }

    public int? TotalClaimLimit { get; init; }

    public int? SingleBuyerClaimLimit { get; init; }

    /// <summary>Only in ID, MY, PH, TH, SG and VN.</summary>
    public int? RedemptionLimit { get; init; }

    public int ClaimedCount { get; init; }

    public int RedeemedCount { get; init; }

    /// <summary>Deactivated in Seller Center.</summary>
    public bool Deactivated { get; init; }

    /// <summary>The coupon runs from the claim start until the last day it can be used.</summary>
    public DateTimeOffset End => RelativeDays is { } days ? ClaimEnd.AddDays(days) : Max(ClaimEnd, RedemptionEnd ?? ClaimEnd);

    public string StatusAt(DateTimeOffset now) =>
        Deactivated ? "DEACTIVATED" : now < ClaimStart ? "NOT_START" : now < End ? "ONGOING" : "EXPIRED";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>A shop of the sandbox: <see cref="Cipher"/> is what shop API calls send as shop_cipher.</summary>
public sealed record TikTokSandboxShop(string ShopId, string Region, string SellerId, string Name, string Cipher);

/// <summary>Tokens the sandbox issued to a seller (expiry instants, as TikTok's absolute *_expire_in).</summary>
public sealed record TikTokSandboxTokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, string OpenId);

internal sealed record TikTokSandboxApp(string AppKey, string AppSecret, string ServiceId, Uri? RedirectUri);

internal sealed class TikTokSandboxSeller(string sellerId, string name, string region)
{
    public string SellerId { get; } = sellerId;

    public string Name { get; } = name;

    public string Region { get; } = region;

    public HashSet<string> Apps { get; } = new(StringComparer.Ordinal);

    public List<string> ShopIds { get; } = [];
}

/// <summary>An issued code, access token or refresh token: which app and seller, until when, and whether it was used.</summary>
internal sealed class TikTokGrant(string appKey, string sellerId, DateTimeOffset expiresAt)
{
    public string AppKey { get; } = appKey;

    public string SellerId { get; } = sellerId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}
