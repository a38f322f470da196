using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>One request's filter, prepared once: masks for the enum filters and, per store and per zone, what is shared by its rows.</summary>
internal sealed class ListFilter
{
    private readonly CouponListQuery query;
    private readonly IReadOnlySet<StoreId>? visibleStores;
    private readonly DateTimeOffset now;
    private readonly LowStockThreshold lowStock;
    private readonly int platformMask;
    private readonly int statusMask;
    private readonly Dictionary<string, StoreVerdict> stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> expiryBoundaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> campaignTags = new(StringComparer.Ordinal);
    private StoreVerdict last;

    public ListFilter(CouponListQuery query, IReadOnlySet<StoreId>? visibleStores, DateTimeOffset now, LowStockThreshold lowStock)
    {
        this.query = query;
        this.visibleStores = visibleStores;
        this.now = now;
        this.lowStock = lowStock;
        platformMask = query.Platforms.Aggregate(0, (mask, p) => mask | (1 << (int)p));
        statusMask = query.Statuses.Aggregate(0, (mask, s) => mask | (1 << (int)s));
    }

    public bool Matches(CouponListRow row)
    {
        if ((row.IsArchived && !query.IncludeArchived) || (row.IsRemoved && !query.IncludeRemoved)) return false;

        var store = VerdictFor(row);
        if (!store.Passes) return false;
        if (query.Campaigns.Count != 0 && (row.Campaign is not { } campaign || !query.Campaigns.Contains(TagOf(campaign)))) return false;
        if (statusMask != 0 && (statusMask & (1 << (int)row.Status)) == 0) return false;
        if (query.HasFindings is { } hasFindings && (row.OpenFindings > 0) != hasFindings) return false;
        if (query.Stock is { } stock && !InStock(row, stock)) return false;
        if (query.ExpiringWithinDays is not null && (row.ValidToTicks < now.UtcTicks || row.ValidToTicks >= store.ExpiryBoundary))
            return false;

        return query.Text is not { } text
            || row.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (row.Code?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    // A tenant has a handful of campaigns shared by many rows: each name's tag is worked out once per request.
    private string TagOf(string campaign)
    {
        if (!campaignTags.TryGetValue(campaign, out var tag)) campaignTags.Add(campaign, tag = Campaigns.CouponCampaign.Tag(campaign));
        return tag;
    }

    private bool InStock(CouponListRow row, StockFilter stock) => row.Remaining is { } remaining && stock switch
    {
        StockFilter.Out => remaining == 0,
        _ => lowStock.IsLow(remaining, row.TotalQuantity.GetValueOrDefault()),
    };

    // Rows of one store share its platform, site and zone and usually arrive together, so the store's verdict is
    // worked out once and the last one is reused without a lookup.
    private StoreVerdict VerdictFor(CouponListRow row)
    {
        var id = row.StoreId.Value;
        if (string.Equals(last.StoreId, id, StringComparison.Ordinal)) return last;
        if (!stores.TryGetValue(id, out last))
        {
            last = new StoreVerdict(id, PassesStoreFilters(row), ExpiryBoundary(row.TimeZoneId));
            stores.Add(id, last);
        }

        return last;
    }

    private bool PassesStoreFilters(CouponListRow row) =>
        (visibleStores is null || visibleStores.Contains(row.StoreId))
        && (query.Stores.Count == 0 || query.Stores.Contains(row.StoreId))
        && (platformMask == 0 || (platformMask & (1 << (int)row.Platform)) != 0)
        && (query.Sites.Count == 0 || query.Sites.Contains(row.Site));

    private long ExpiryBoundary(string zoneId)
    {
        if (query.ExpiringWithinDays is not { } days) return long.MaxValue;
        if (!expiryBoundaries.TryGetValue(zoneId, out var boundary))
        {
            boundary = StoreZones.EndOfLocalDay(StoreZones.Find(zoneId), now, days).UtcTicks;
            expiryBoundaries.Add(zoneId, boundary);
        }

        return boundary;
    }

    private readonly record struct StoreVerdict(string? StoreId, bool Passes, long ExpiryBoundary);
}
