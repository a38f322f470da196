namespace CouponFunctions.Core.Templates;

/// <summary>A template as the API receives it (POST/PUT /api/templates); every field is optional here so that
/// <see cref="TemplateValidator"/> can name each missing or bad one. The version travels as an ETag, not in the body.</summary>
public sealed record TemplateInput
{
    public string? Name { get; init; }

    /// <summary>Defaults to "{name}".</summary>
    public string? DisplayNamePattern { get; init; }

    public string? Description { get; init; }

    public CampaignInput? Campaign { get; init; }

    public DiscountInput? Discount { get; init; }

    /// <summary>Minimum spend per currency code ("SGD": 50); a currency left out has none.</summary>
    public Dictionary<string, decimal>? MinSpend { get; init; }

    public int? TotalQuantity { get; init; }

    public int? PerBuyerLimit { get; init; }

    public CodeInput? Code { get; init; }

    /// <summary>"public" (default) or "codeOnly".</summary>
    public string? Visibility { get; init; }

    public ValidityInput? Validity { get; init; }

    public ScopeInput? Scope { get; init; }

    /// <summary>Per platform wire name ("shopee", "lazada"…), the values that platform gets instead.</summary>
    public Dictionary<string, OverrideInput>? Overrides { get; init; }
}

public sealed record CampaignInput(string? Name, string? Channel, string? DealUrl);

/// <summary>Type "percentage" (percentage, optional cap per currency), "fixedAmount" (amount per currency) or "freeShipping".</summary>
public sealed record DiscountInput(string? Type, decimal? Percentage, Dictionary<string, decimal>? Amount, Dictionary<string, decimal>? Cap);

/// <summary>Mode "fixed" (value is the code) or "prefix" (value is the prefix; each store adds a deterministic suffix).</summary>
public sealed record CodeInput(string? Mode, string? Value, int? SuffixLength);

/// <summary>Type "absolute" (start and end as local "yyyy-MM-ddTHH:mm", applied in each store's zone) or "relative"
/// (startAfterHours after deploy, lasting durationDays).</summary>
public sealed record ValidityInput(string? Type, string? Start, string? End, int? StartAfterHours, int? DurationDays);

/// <summary>Type "shop" (default) or "products" with product ids per store id.</summary>
public sealed record ScopeInput(string? Type, Dictionary<string, List<string>>? ProductIds);

public sealed record OverrideInput
{
    public string? DisplayNamePattern { get; init; }

    public decimal? Percentage { get; init; }

    public Dictionary<string, decimal>? Amount { get; init; }

    public Dictionary<string, decimal>? Cap { get; init; }

    public Dictionary<string, decimal>? MinSpend { get; init; }

    public int? TotalQuantity { get; init; }

    public int? PerBuyerLimit { get; init; }

    public string? Visibility { get; init; }

    public string? Code { get; init; }
}
