using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>Filters, sorts and pages the in-memory coupon list of one tenant (keyset paging: a page continues after the last row seen).</summary>
public static class CouponListEngine
{
    /// <summary>The page of <paramref name="query"/> over <paramref name="rows"/>, as seen by a caller limited to <paramref name="visibleStores"/>.</summary>
    /// <param name="visibleStores">The stores the caller may see; null means every store of the tenant.</param>
    /// <param name="now">The request's instant: "today" for the expiry filter, in each store's own zone.</param>
    /// <param name="lowStock">The tenant's low-stock threshold, for <c>stock=low</c>.</param>
    public static CouponListPage Page(
        IEnumerable<CouponListRow> rows,
        CouponListQuery query,
        IReadOnlySet<StoreId>? visibleStores,
        DateTimeOffset now,
        LowStockThreshold lowStock)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        var filter = new ListFilter(query, visibleStores, now, lowStock);
        var order = new ListOrder(query.Sort.Descending);
        var page = new PageSelector(order, query.PageSize);
        var field = query.Sort.Field;
        var cursor = query.After.GetValueOrDefault();
        var hasCursor = query.After.HasValue;
        int total = 0, afterCursor = 0;
        foreach (var row in rows)
        {
            if (!filter.Matches(row)) continue;
            total++;
            var entry = ListCursor.Of(row, field);
            if (hasCursor && order.Compare(entry, cursor) <= 0) continue;
            afterCursor++;
            page.Offer(entry);
        }

        var items = page.InOrder();
        var token = afterCursor > items.Length ? ContinuationToken.Encode(QueryFingerprint.Of(query), items[^1]) : null;
        return new CouponListPage(Array.ConvertAll(items, e => e.Row!), token, total);
    }

    /// <summary>Every row matching <paramref name="query"/> in its order, for exports: page size and continuation are ignored.</summary>
    public static IReadOnlyList<CouponListRow> All(
        IEnumerable<CouponListRow> rows,
        CouponListQuery query,
        IReadOnlySet<StoreId>? visibleStores,
        DateTimeOffset now,
        LowStockThreshold lowStock)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        var filter = new ListFilter(query, visibleStores, now, lowStock);
        var entries = new List<ListCursor>();
        foreach (var row in rows)
        {
            if (filter.Matches(row)) entries.Add(ListCursor.Of(row, query.Sort.Field));
        }

        entries.Sort(new ListOrder(query.Sort.Descending));
        return entries.ConvertAll(e => e.Row!);
    }
}
