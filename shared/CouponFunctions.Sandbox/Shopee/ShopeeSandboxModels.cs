namespace CouponFunctions.Sandbox.Shopee;

/// <summary>A voucher held by the Shopee sandbox (times kept to whole seconds, as Shopee does).</summary>
public sealed record ShopeeSandboxVoucher
{
    public long VoucherId { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>1 shop voucher, 2 product voucher.</summary>
    public int VoucherType { get; init; } = 1;

    /// <summary>1 fixed amount, 2 percentage, 3 coin cashback.</summary>
    public int RewardType { get; init; } = 1;

    public int UsageQuantity { get; init; } = 100;

    public int CurrentUsage { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public DateTimeOffset? DisplayStart { get; init; }

    public decimal MinBasketPrice { get; init; }

    public decimal DiscountAmount { get; init; }

    public int Percentage { get; init; }

    /// <summary>Cap of a percentage voucher; 0 = no cap.</summary>
    public decimal MaxPrice { get; init; }

    public IReadOnlyList<int> DisplayChannels { get; init; } = [1];

    public IReadOnlyList<long> ItemIds { get; init; } = [];

    /// <summary>Made by Shopee admin / Shop Game / Follow Prize / Membership / a campaign: not operable through the API.</summary>
    public bool IsAdmin { get; init; }

    public int VoucherPurpose { get; init; }

    /// <summary>get_voucher's usecase (not in the list); 1 for an ordinary shop or product voucher.</summary>
    public int Usecase { get; init; } = 1;

    /// <summary>Shopee has no status field; this is the one get_voucher_list filters by.</summary>
    public string StatusAt(DateTimeOffset now) => now < Start ? "upcoming" : now < End ? "ongoing" : "expired";
}

/// <summary>An item of a sandbox shop, for product vouchers (they must exist, be normal and have stock).</summary>
public sealed record ShopeeSandboxItem(long ItemId, int Stock = 10, bool Normal = true);

/// <summary>Tokens the sandbox issued for a shop.</summary>
public sealed record ShopeeSandboxTokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

internal sealed class ShopeeSandboxShop(long shopId, string site)
{
    public long ShopId { get; } = shopId;

    public string Site { get; } = site;

    public bool AllowCoinCashback { get; set; } = true;

    public HashSet<long> Partners { get; } = [];

    public Dictionary<long, ShopeeSandboxItem> Items { get; } = [];

    public SortedDictionary<long, ShopeeSandboxVoucher> Vouchers { get; } = [];
}

/// <summary>An issued code, access token or refresh token: whom it is for, until when, and whether it was used.</summary>
internal sealed class ShopeeGrant(long partnerId, long shopId, DateTimeOffset expiresAt)
{
    public long PartnerId { get; } = partnerId;

    public long ShopId { get; } = shopId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}
