namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>
/// A segment (the rows of one store, or any list of rows) as compact bytes and back. Binary, little-endian:
/// "CFLS", version 1, a table of stores, a table of repeated strings, then the rows with a bit set for the fields they carry.
/// </summary>
/// <remarks>Compress the bytes for storage (gzip); a segment that cannot be read raises <see cref="InvalidDataException"/> and should be rebuilt.</remarks>
public static class CouponListSegmentSerializer
{
    internal static ReadOnlySpan<byte> Magic => "CFLS"u8;

    internal const byte Version = 1;

    private const int BufferSize = 32 * 1024;

    public static byte[] Serialize(IReadOnlyCollection<CouponListRow> rows)
    {
        using var buffer = new MemoryStream(64 + (rows.Count * 160));
        Write(buffer, rows);
        return buffer.ToArray();
    }

    public static void Write(Stream destination, IReadOnlyCollection<CouponListRow> rows)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);

        // The format is written and read in small pieces; a compressing stream is slow at those, so buffer them.
        if (destination is MemoryStream)
        {
            SegmentWriter.Write(destination, rows);
            return;
        }

        // Not disposed: that would close the caller's stream.
        var buffered = new BufferedStream(destination, BufferSize);
        SegmentWriter.Write(buffered, rows);
        buffered.Flush();
    }

    public static IReadOnlyList<CouponListRow> Deserialize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var source = new MemoryStream(bytes, writable: false);
        return Read(source);
    }

    public static IReadOnlyList<CouponListRow> Read(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            if (source is MemoryStream) return SegmentReader.Read(source);
            return SegmentReader.Read(new BufferedStream(source, BufferSize));
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException("The coupon list segment is truncated or corrupt.", e);
        }
    }
}

/// <summary>Which optional fields a serialized row carries.</summary>
[Flags]
internal enum SegmentFields : ushort
{
    None = 0,
    Code = 1 << 0,
    DiscountAmount = 1 << 1,
    Percentage = 1 << 2,
    MaxDiscount = 1 << 3,
    TotalQuantity = 1 << 4,
    ClaimedCount = 1 << 5,
    UsedCount = 1 << 6,
    ClaimStart = 1 << 7,
    ClaimEnd = 1 << 8,
    RemovedAt = 1 << 9,
    HighestSeverity = 1 << 10,
    Archived = 1 << 11,

    // Added after version 1 without changing it: older segments never set these bits, and always carry a minimum spend.
    MinSpendUnknown = 1 << 12,
    MaxDiscountUnknown = 1 << 13,
    ProductsUnknown = 1 << 14,
    All = (1 << 15) - 1,
}
