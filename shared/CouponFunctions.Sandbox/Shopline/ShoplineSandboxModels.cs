namespace CouponFunctions.Sandbox.Shopline;

/// <summary>A price rule held by the SHOPLINE sandbox (times in whole seconds). Seed it with <see cref="ShoplineSandbox.AddPriceRule"/>.</summary>
public sealed record ShoplineSandboxPriceRule
{
    /// <summary>Assigned by the sandbox when empty (19-digit ids, as SHOPLINE's).</summary>
    public string Id { get; init; } = string.Empty;

    public required string Title { get; init; }

    /// <summary>fixed_amount | percentage.</summary>
    public string ValueType { get; init; } = "fixed_amount";

    /// <summary>The discount, a positive amount or percentage.</summary>
    public decimal Value { get; init; }

    public string AllocationMethod { get; init; } = "across";

    public string TargetType { get; init; } = "line_item";

    /// <summary>all | entitled (then <see cref="EntitledProductIds"/> is required).</summary>
    public string TargetSelection { get; init; } = "all";

    public string CustomerSelection { get; init; } = "all";

    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>Null = runs until stopped.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Uses in all; null = no limit.</summary>
    public int? UsageLimit { get; init; }

    public bool OncePerCustomer { get; init; }

    /// <summary>prerequisite_subtotal_range.greater_than_or_equal_to; null = none.</summary>
    public decimal? MinSubtotal { get; init; }

    public IReadOnlyList<string> EntitledProductIds { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Price rules have no status field; this is what the admin shows.</summary>
    public string StatusAt(DateTimeOffset now) => now < StartsAt ? "scheduled" : EndsAt is { } end && now >= end ? "expired" : "active";
}

/// <summary>A discount code of a price rule, with how often buyers used it.</summary>
public sealed record ShoplineSandboxDiscountCode(string Id, string PriceRuleId, string Code, int UsageCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An access token the sandbox issued (10 hours, no refresh token).</summary>
public sealed record ShoplineSandboxToken(string AccessToken, DateTimeOffset ExpiresAt);

internal sealed class ShoplineSandboxStore(string handle, string currency)
{
    public string Handle { get; } = handle;

    public string Currency { get; } = currency;

    /// <summary>App keys that the merchant installed (authorized) on this store.</summary>
    public HashSet<string> Apps { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<long, ShoplineSandboxPriceRule> Rules { get; } = [];

    public SortedDictionary<long, ShoplineSandboxDiscountCode> Codes { get; } = [];
}

/// <summary>An issued code or access token: which app and store, until when, and whether it was used.</summary>
internal sealed class ShoplineGrant(string appKey, string handle, DateTimeOffset expiresAt)
{
    public string AppKey { get; } = appKey;

    public string Handle { get; } = handle;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}
