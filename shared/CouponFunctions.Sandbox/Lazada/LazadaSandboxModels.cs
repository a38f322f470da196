namespace CouponFunctions.Sandbox.Lazada;

/// <summary>A voucher held by the Lazada sandbox (times kept to whole milliseconds, as Lazada sends them).</summary>
public sealed record LazadaSandboxVoucher
{
    public long Id { get; init; }

    /// <summary>COLLECTIBLE_VOUCHER (creatable) or CODE_VOUCHER (read-only through the API; seed it here).</summary>
    public string VoucherType { get; init; } = "COLLECTIBLE_VOUCHER";

    public string? VoucherCode { get; init; }

    public required string Name { get; init; }

    /// <summary>ENTIRE_SHOP or SPECIFIC_PRODUCTS.</summary>
    public string Apply { get; init; } = "ENTIRE_SHOP";

    public string DisplayArea { get; init; } = "REGULAR_CHANNEL";

    /// <summary>MONEY_VALUE_OFF or PERCENTAGE_DISCOUNT_OFF.</summary>
    public string DiscountType { get; init; } = "MONEY_VALUE_OFF";

    /// <summary>The minimum spend; fixed once set.</summary>
    public decimal CriteriaOverMoney { get; init; }

    public decimal? MoneyValueOff { get; init; }

    public decimal? PercentageOff { get; init; }

    /// <summary>Cap of a percentage voucher; null = no cap.</summary>
    public decimal? MaxDiscount { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>When buyers can start collecting; null = from <see cref="Start"/>.</summary>
    public DateTimeOffset? CollectStart { get; init; }

    /// <summary>Per customer.</summary>
    public int Limit { get; init; } = 1;

    /// <summary>Total quantity; an update may not lower it.</summary>
    public int Issued { get; init; } = 100;

    /// <summary>order_used_budget, read as the number of uses (UNCERTAIN whether Lazada means a count or an amount).</summary>
    public int OrderUsedBudget { get; init; }

    public string? Currency { get; init; }

    /// <summary>Paused by the seller in Seller Center (SUSPEND); /promotion/voucher/activate resumes it.</summary>
    public bool Suspended { get; init; }

    /// <summary>Set by /promotion/voucher/deactivate: the voucher is FINISH from then on, for good.</summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    public IReadOnlyList<long> SkuIds { get; init; } = [];

    /// <summary>NOT_START, ONGOING, SUSPEND or FINISH at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now) =>
        DeactivatedAt is not null || now >= End ? "FINISH" : Suspended ? "SUSPEND" : now < Start ? "NOT_START" : "ONGOING";
}

/// <summary>A SKU of a sandbox seller, for SPECIFIC_PRODUCTS vouchers (it must exist to be added).</summary>
public sealed record LazadaSandboxSku(long SkuId, long ProductId = 0);

/// <summary>Tokens the sandbox issued for a seller.</summary>
public sealed record LazadaSandboxTokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

internal sealed class LazadaSandboxSeller(long sellerId, string site)
{
    public long SellerId { get; } = sellerId;

    /// <summary>SG, MY, PH, TH, VN or ID (upper case; Lazada's own answers use lower case).</summary>
    public string Site { get; } = site;

    public string ShortCode => $"{Site}{SellerId % 100_000:D5}";

    public HashSet<string> Apps { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, LazadaSandboxSku> Skus { get; } = [];

    public SortedDictionary<long, LazadaSandboxVoucher> Vouchers { get; } = [];
}

/// <summary>An issued code, access token or refresh token: whom it is for, until when, and whether it was used.</summary>
internal sealed class LazadaGrant(string appKey, long sellerId, DateTimeOffset expiresAt, DateTimeOffset authorizedUntil)
{
    public string AppKey { get; } = appKey;

    public long SellerId { get; } = sellerId;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>The end of the seller's authorization, which refreshing does not move.</summary>
    public DateTimeOffset AuthorizedUntil { get; } = authorizedUntil;

    public bool Used { get; set; }
}
