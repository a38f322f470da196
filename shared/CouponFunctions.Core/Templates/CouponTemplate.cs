using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Templates;

/// <summary>A stored template: its validated definition plus identity, timestamps and the storage version (ETag).</summary>
public sealed record CouponTemplate
{
    public required TenantId TenantId { get; init; }

    public required TemplateId Id { get; init; }

    public required TemplateDefinition Definition { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag), set by storage; null before the first save.</summary>
    public string? Version { get; init; }
}

/// <summary>A coupon to create in many stores, as validated by <see cref="TemplateValidator"/>; amounts are per currency
/// because one template reaches stores in SGD, IDR and THB alike.</summary>
public sealed record TemplateDefinition
{
    public required string Name { get; init; }

    /// <summary>How each store's coupon is named; tokens are listed in <see cref="DisplayNamePattern"/>.</summary>
    public required string DisplayNamePattern { get; init; }

    public string? Description { get; init; }

    public CampaignInfo? Campaign { get; init; }

    public required TemplateDiscount Discount { get; init; }

    /// <summary>Minimum spend per currency code; a currency not listed means no minimum spend.</summary>
    public IReadOnlyDictionary<string, decimal> MinSpend { get; init; } = new Dictionary<string, decimal>();

    public required int TotalQuantity { get; init; }

    public int? PerBuyerLimit { get; init; }

    public required TemplateCode Code { get; init; }

    public CouponVisibility Visibility { get; init; } = CouponVisibility.Public;

    public required TemplateValidity Validity { get; init; }

    public TemplateScope Scope { get; init; } = TemplateScope.ShopWide;

    public IReadOnlyDictionary<Platform, PlatformOverride> Overrides { get; init; } = new Dictionary<Platform, PlatformOverride>();

    /// <summary>The definition one platform receives: the template with that platform's override laid over it.</summary>
    public TemplateDefinition ForPlatform(Platform platform) =>
        Overrides.TryGetValue(platform, out var o) ? o.ApplyTo(this) : this;
}

/// <summary>A campaign groups templates and the coupons made from them (by partner or channel, as Voucherify does).</summary>
/// <param name="Name">The campaign's name; its <see cref="Tag"/> is what coupons carry and the list filters on.</param>
/// <param name="Channel">The partner or marketing channel, e.g. "KOL Anna" or "newsletter".</param>
/// <param name="DealUrl">A link to the deal page, for checking that the partner shows it as agreed.</param>
public sealed record CampaignInfo(string Name, string? Channel, string? DealUrl)
{
    /// <summary>The campaign key: the name trimmed, lower-case, runs of other characters as one hyphen ("Mid-Year Sale!" → "mid-year-sale").</summary>
    public string Tag => TagOf(Name);

    public static string TagOf(string name)
    {
        var chars = new List<char>(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) chars.Add(c);
            else if (chars.Count > 0 && chars[^1] != '-') chars.Add('-');
        }

        while (chars.Count > 0 && chars[^1] == '-') chars.RemoveAt(chars.Count - 1);
        return new string([.. chars]);
    }
}

/// <summary>What a template takes off.</summary>
public enum TemplateRewardKind
{
    Percentage,
    FixedAmount,

    /// <summary>Free shipping, where a platform's API can create it (none of ours can today; the preview blocks it per store).</summary>
    FreeShipping,
}

/// <summary>The discount: a percentage with an optional cap per currency, or a fixed amount per currency.</summary>
public sealed record TemplateDiscount(
    TemplateRewardKind Kind,
    decimal? Percentage,
    IReadOnlyDictionary<string, decimal>? Amount,
    IReadOnlyDictionary<string, decimal>? Cap);

/// <summary>Whether buyers see and claim the coupon in the shop, or only type its code.</summary>
public enum CouponVisibility
{
    Public,
    CodeOnly,
}

/// <summary>How a template's code is made per store.</summary>
public enum CodeMode
{
    /// <summary>The same code in every store.</summary>
    Fixed,

    /// <summary>A prefix plus a suffix derived from the template and the store, the same on every retry.</summary>
    PrefixPerStore,
}

/// <summary>The code rule of a template; <see cref="SuffixLength"/> counts only for <see cref="CodeMode.PrefixPerStore"/>.</summary>
public sealed record TemplateCode(CodeMode Mode, string Value, int SuffixLength = 3);

/// <summary>Absolute local wall-clock times applied in each store's zone, or relative to the deploy instant.</summary>
public enum ValidityKind
{
    Absolute,
    Relative,
}

/// <summary>When the coupons run. Absolute: <see cref="LocalStart"/>–<see cref="LocalEnd"/> on each store's own clock.
/// Relative: from deploy + <see cref="StartAfterHours"/> for <see cref="DurationDays"/> days.</summary>
public sealed record TemplateValidity(
    ValidityKind Kind,
    DateTime? LocalStart = null,
    DateTime? LocalEnd = null,
    int? StartAfterHours = null,
    int? DurationDays = null)
{
    public static TemplateValidity Absolute(DateTime localStart, DateTime localEnd) =>
        new(ValidityKind.Absolute, DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), DateTime.SpecifyKind(localEnd, DateTimeKind.Unspecified));

    public static TemplateValidity Relative(int startAfterHours, int durationDays) =>
        new(ValidityKind.Relative, StartAfterHours: startAfterHours, DurationDays: durationDays);
}

/// <summary>Shop-wide, or the listed products of each store (product ids are per store: every shop has its own).</summary>
public sealed record TemplateScope(bool IsShopWide, IReadOnlyDictionary<StoreId, IReadOnlyList<string>> ProductIds)
{
    public static TemplateScope ShopWide { get; } = new(true, new Dictionary<StoreId, IReadOnlyList<string>>());

    public static TemplateScope Products(IReadOnlyDictionary<StoreId, IReadOnlyList<string>> productIds) => new(false, productIds);

    public IReadOnlyList<string> ProductsOf(StoreId store) => ProductIds.TryGetValue(store, out var ids) ? ids : [];
}
