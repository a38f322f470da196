using System.Text;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>Reads the segment format described on <see cref="CouponListSegmentSerializer"/>; rows share the tables' string instances.</summary>
internal static class SegmentReader
{
    public static IReadOnlyList<CouponListRow> Read(Stream source)
    {
        using var reader = new BinaryReader(source, Encoding.UTF8, leaveOpen: true);
        Span<byte> magic = stackalloc byte[4];
        reader.BaseStream.ReadExactly(magic);
        if (!magic.SequenceEqual(CouponListSegmentSerializer.Magic)) throw new InvalidDataException("Not a coupon list segment.");
        var version = reader.ReadByte();
        if (version != CouponListSegmentSerializer.Version)
            throw new InvalidDataException($"Coupon list segment version {version} is not supported; rebuild the segment.");

        var stores = ReadMany(reader, ReadStore).ToArray();
        var strings = ReadMany(reader, r => r.ReadString()).ToArray();
        return ReadMany(reader, r => ReadRow(r, stores, strings));
    }

    // The count comes first; a corrupt one must not make us reserve gigabytes before the data runs out.
    private static List<T> ReadMany<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.Read7BitEncodedInt();
        if (count < 0) throw new InvalidDataException("A negative count in a coupon list segment.");
        var items = new List<T>(Math.Min(count, 4096));
        for (var i = 0; i < count; i++) items.Add(read(reader));
        return items;
    }

    // A store entry is kept as a row carrying only the store's fields; the real rows copy them from it.
    private static CouponListRow ReadStore(BinaryReader reader) => new()
    {
        StoreId = StoreId.Parse(reader.ReadString()),
        StoreName = reader.ReadString(),
        Platform = (Platform)Small(reader, (int)Platform.Shopline),
        Site = reader.ReadString(),
        TimeZoneId = reader.ReadString(),
        PlatformCouponId = "", Name = "", RawStatus = "", Currency = "",
        Status = default, Reward = default, ValidFrom = default, ValidTo = default, LastChangedAt = default,
    };

    private static CouponListRow ReadRow(BinaryReader reader, CouponListRow[] stores, string[] strings)
    {
        var store = stores[Index(reader, stores.Length)];
        var fields = (SegmentFields)reader.ReadUInt16();
        if ((fields & ~SegmentFields.All) != 0) throw new InvalidDataException("Unknown fields in a coupon list row.");
        return store with
        {
            PlatformCouponId = reader.ReadString(),
            Code = Has(fields, SegmentFields.Code) ? reader.ReadString() : null,
            Name = reader.ReadString(),
            Status = (CouponStatus)Small(reader, (int)CouponStatus.Deactivated),
            RawStatus = strings[Index(reader, strings.Length)],
            Reward = (RewardType)Small(reader, (int)RewardType.CoinCashback),
            DiscountAmount = Has(fields, SegmentFields.DiscountAmount) ? reader.ReadDecimal() : null,
            Percentage = Has(fields, SegmentFields.Percentage) ? reader.ReadDecimal() : null,
            MaxDiscount = Has(fields, SegmentFields.MaxDiscount) ? reader.ReadDecimal() : null,
            MinSpend = Has(fields, SegmentFields.MinSpendUnknown) ? null : reader.ReadDecimal(),
            Currency = strings[Index(reader, strings.Length)],
            TotalQuantity = Has(fields, SegmentFields.TotalQuantity) ? reader.Read7BitEncodedInt() : null,
            ClaimedCount = Has(fields, SegmentFields.ClaimedCount) ? reader.Read7BitEncodedInt() : null,
            UsedCount = Has(fields, SegmentFields.UsedCount) ? reader.Read7BitEncodedInt() : null,
            ValidFrom = Instant(reader.ReadInt64()),
            ValidTo = Instant(reader.ReadInt64()),
            ClaimStart = Has(fields, SegmentFields.ClaimStart) ? Instant(reader.ReadInt64()) : null,
            ClaimEnd = Has(fields, SegmentFields.ClaimEnd) ? Instant(reader.ReadInt64()) : null,
            RemovedAt = Has(fields, SegmentFields.RemovedAt) ? Instant(reader.ReadInt64()) : null,
            LastChangedAt = Instant(reader.ReadInt64()),
            OpenFindings = NonNegative(reader.Read7BitEncodedInt()),
            HighestSeverity = Has(fields, SegmentFields.HighestSeverity) ? strings[Index(reader, strings.Length)] : null,
            IsArchived = Has(fields, SegmentFields.Archived),
            Unknown = (Has(fields, SegmentFields.MinSpendUnknown) ? UnknownCouponFields.MinSpend : 0)
                | (Has(fields, SegmentFields.MaxDiscountUnknown) ? UnknownCouponFields.MaxDiscount : 0)
                | (Has(fields, SegmentFields.ProductsUnknown) ? UnknownCouponFields.Products : 0),
        };
    }

    private static bool Has(SegmentFields fields, SegmentFields field) => (fields & field) != 0;

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    private static int Index(BinaryReader reader, int length)
    {
        var index = reader.Read7BitEncodedInt();
        return index >= 0 && index < length ? index : throw new InvalidDataException("A table index in a coupon list segment is out of range.");
    }

    private static int NonNegative(int value) => value >= 0 ? value : throw new InvalidDataException("A negative count in a coupon list segment.");

    private static int Small(BinaryReader reader, int max)
    {
        int value = reader.ReadByte();
        return value <= max ? value : throw new InvalidDataException($"{value} is out of range in a coupon list segment.");
    }
}
