using System.Text;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>Writes the segment format described on <see cref="CouponListSegmentSerializer"/>.</summary>
internal static class SegmentWriter
{
    public static void Write(Stream destination, IReadOnlyCollection<CouponListRow> rows)
    {
        var stores = new Dictionary<string, (int Index, CouponListRow First)>(StringComparer.Ordinal);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            stores.TryAdd(row.StoreId.Value, (stores.Count, row));
            strings.TryAdd(row.RawStatus, strings.Count);
            strings.TryAdd(row.Currency, strings.Count);
            if (row.HighestSeverity is { } severity) strings.TryAdd(severity, strings.Count);
        }

        using var writer = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        writer.Write(CouponListSegmentSerializer.Magic);
        writer.Write(CouponListSegmentSerializer.Version);
        writer.Write7BitEncodedInt(stores.Count);
        foreach (var (_, first) in stores.Values)
        {
            writer.Write(first.StoreId.Value);
            writer.Write(first.StoreName);
            writer.Write((byte)first.Platform);
            writer.Write(first.Site);
            writer.Write(first.TimeZoneId);
        }

        writer.Write7BitEncodedInt(strings.Count);
        foreach (var text in strings.Keys) writer.Write(text);

        writer.Write7BitEncodedInt(rows.Count);
        foreach (var row in rows) WriteRow(writer, row, stores[row.StoreId.Value].Index, strings);
    }

    private static void WriteRow(BinaryWriter writer, CouponListRow row, int store, Dictionary<string, int> strings)
    {
        writer.Write7BitEncodedInt(store);
        writer.Write((ushort)FieldsOf(row));
        writer.Write(row.PlatformCouponId);
        if (row.Code is { } code) writer.Write(code);
        writer.Write(row.Name);
        writer.Write((byte)row.Status);
        writer.Write7BitEncodedInt(strings[row.RawStatus]);
        writer.Write((byte)row.Reward);
        if (row.DiscountAmount is { } discount) writer.Write(discount);
        if (row.Percentage is { } percentage) writer.Write(percentage);
        if (row.MaxDiscount is { } maxDiscount) writer.Write(maxDiscount);
        if (row.MinSpend is { } minSpend) writer.Write(minSpend);
        writer.Write7BitEncodedInt(strings[row.Currency]);
        if (row.TotalQuantity is { } total) writer.Write7BitEncodedInt(total);
        if (row.ClaimedCount is { } claimed) writer.Write7BitEncodedInt(claimed);
        if (row.UsedCount is { } used) writer.Write7BitEncodedInt(used);
        writer.Write(row.ValidFromTicks);
        writer.Write(row.ValidToTicks);
        if (row.ClaimStartTicks != 0) writer.Write(row.ClaimStartTicks);
        if (row.ClaimEndTicks != 0) writer.Write(row.ClaimEndTicks);
        if (row.RemovedAtTicks != 0) writer.Write(row.RemovedAtTicks);
        writer.Write(row.LastChangedAtTicks);
        writer.Write7BitEncodedInt(row.OpenFindings);
        if (row.HighestSeverity is { } severity) writer.Write7BitEncodedInt(strings[severity]);
    }

    private static SegmentFields FieldsOf(CouponListRow row) =>
        (row.Code is null ? 0 : SegmentFields.Code)
        | (row.DiscountAmount is null ? 0 : SegmentFields.DiscountAmount)
        | (row.Percentage is null ? 0 : SegmentFields.Percentage)
        | (row.MaxDiscount is null ? 0 : SegmentFields.MaxDiscount)
        | (row.TotalQuantity is null ? 0 : SegmentFields.TotalQuantity)
        | (row.ClaimedCount is null ? 0 : SegmentFields.ClaimedCount)
        | (row.UsedCount is null ? 0 : SegmentFields.UsedCount)
        | (row.ClaimStartTicks == 0 ? 0 : SegmentFields.ClaimStart)
        | (row.ClaimEndTicks == 0 ? 0 : SegmentFields.ClaimEnd)
        | (row.RemovedAtTicks == 0 ? 0 : SegmentFields.RemovedAt)
        | (row.HighestSeverity is null ? 0 : SegmentFields.HighestSeverity)
        | (row.IsArchived ? SegmentFields.Archived : 0)
        | (row.MinSpend is null ? SegmentFields.MinSpendUnknown : 0)
        | ((row.Unknown & UnknownCouponFields.MaxDiscount) != 0 ? SegmentFields.MaxDiscountUnknown : 0)
        | ((row.Unknown & UnknownCouponFields.Products) != 0 ? SegmentFields.ProductsUnknown : 0);
}
