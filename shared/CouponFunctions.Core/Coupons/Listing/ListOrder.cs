namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>A row (or a cursor, with no row) reduced to what the order compares: the sort key, store id and coupon id.</summary>
internal readonly record struct ListCursor(bool HasKey, long Key, string StoreId, string CouponId, CouponListRow? Row = null)
{
    public static ListCursor Of(CouponListRow row, CouponListSortField field)
    {
        var key = ListOrder.KeyOf(row, field);
        return new(key.HasValue, key.GetValueOrDefault(), row.StoreId.Value, row.PlatformCouponId, row);
    }
}

/// <summary>The total order of the list: sort key in the chosen direction with missing keys last, then store id and coupon id.</summary>
internal sealed class ListOrder(bool descending) : IComparer<ListCursor>
{
    public static long? KeyOf(CouponListRow row, CouponListSortField field) => field switch
    {
        CouponListSortField.Status => (long)row.Status,
        CouponListSortField.EndTime => row.ValidToTicks,
        CouponListSortField.Remaining => row.Remaining,
        CouponListSortField.Claims => row.ClaimedCount,
        CouponListSortField.RedemptionRate => row.RedemptionRate is { } rate ? OrderedBits(rate) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public int Compare(ListCursor x, ListCursor y)
    {
        if (x.HasKey != y.HasKey) return x.HasKey ? -1 : 1;
        if (x.HasKey && x.Key != y.Key) return (x.Key < y.Key) ^ descending ? -1 : 1;
        var byStore = string.CompareOrdinal(x.StoreId, y.StoreId);
        return byStore != 0 ? byStore : string.CompareOrdinal(x.CouponId, y.CouponId);
    }

    // Maps a double onto a long that sorts the same way, so that one integer key (and one token field) serves every sort.
    private static long OrderedBits(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value == 0 ? 0d : value);
        return bits >= 0 ? bits : bits ^ long.MaxValue;
    }
}
