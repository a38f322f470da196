using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>A validated coupon-list request: filters (an empty set means "any"), order and page.</summary>
public sealed record CouponListQuery
{
    public const int DefaultPageSize = 50;

    public IReadOnlySet<Platform> Platforms { get; init; } = new HashSet<Platform>();

    public IReadOnlySet<StoreId> Stores { get; init; } = new HashSet<StoreId>();

    /// <summary>Site codes, upper case.</summary>
    public IReadOnlySet<string> Sites { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Campaign tags (see <see cref="CouponFunctions.Core.Coupons.Campaigns.CouponCampaign.Tag"/>): coupons of any of them.</summary>
    public IReadOnlySet<string> Campaigns { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<CouponStatus> Statuses { get; init; } = new HashSet<CouponStatus>();

    /// <summary>Coupons still valid now that end before the end of the Nth day from today, in each store's own zone (0 = ends today).</summary>
    public int? ExpiringWithinDays
    {
        get;
        init => field = value is null or (>= 0 and <= CouponListQueryParser.MaxExpiringDays)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ExpiringWithinDays), value, "Expiring within 0–365 days.");
    }

    public StockFilter? Stock { get; init; }

    public bool? HasFindings { get; init; }

    /// <summary>Text the name or the code contains, ignoring case.</summary>
    public string? Text { get; init; }

    public bool IncludeArchived { get; init; }

    public bool IncludeRemoved { get; init; }

    public CouponListSort Sort { get; init; } = CouponListSort.Default;

    public int PageSize
    {
        get;
        init => field = value is >= 1 and <= CouponListQueryParser.MaxPageSize
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PageSize), value, "A page holds 1–500 rows.");
    } = DefaultPageSize;

    /// <summary>Where the previous page ended; null for the first page. Set only by <see cref="Parse"/>.</summary>
    internal ListCursor? After { get; init; }

    /// <summary>
    /// Reads the list's query-string parameters (names and values ignore case; lists are comma-separated): platform, store,
    /// site, campaign, status, expiringWithinDays, stock, hasFindings, q, include, sort, pageSize, continuation. Every bad or unknown
    /// parameter comes back as an error under its own name.
    /// </summary>
    public static Result<CouponListQuery> Parse(IEnumerable<KeyValuePair<string, string?>> parameters) =>
        CouponListQueryParser.Parse(parameters);
}
