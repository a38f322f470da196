using System.IO.Compression;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListSegmentSerializerTests
{
    private static readonly CouponListRow Full = CouponListRow.From(
        Store("s-jkt", Platform.TikTok, "ID"),
        Coupon("v-1") with
        {
            Reward = RewardType.Percentage, DiscountAmount = null, Percentage = 12.5m, MaxDiscount = 25_000m, MinSpend = 150_000m,
            Currency = "IDR", ClaimStart = Now.AddDays(-11), ClaimEnd = Now.AddDays(19), Name = "Ramadan ✨ hemat",
        },
        Now.AddMinutes(-5),
        removedAt: Now.AddMinutes(-1),
        archived: true,
        openFindings: 3,
        highestSeverity: "critical");

    private static readonly CouponListRow Sparse = Row("v-2", status: CouponStatus.Deactivated) with
    {
        Code = null, DiscountAmount = null, TotalQuantity = null, ClaimedCount = null, UsedCount = null, MinSpend = 0m,
    };

    [Fact]
    public void Deserialize_SerializedRows_ReturnsEqualRows()
    {
        CouponListRow[] rows = [Full, Sparse, Row("v-3", Store("s-other", Platform.Shopline, "TW"), CouponStatus.Upcoming)];

        var back = CouponListSegmentSerializer.Deserialize(CouponListSegmentSerializer.Serialize(rows));

        Assert.Equal(rows, back);
        Assert.Equal(Full.ClaimEnd, back[0].ClaimEnd);
        Assert.Equal(12.5m, back[0].Percentage);
    }

    [Fact]
    public void Deserialize_UnknownMinSpendAndCap_StayUnknownNotZero()
    {
        var coupon = Coupon("v-u") with
        {
            Reward = RewardType.Percentage, Percentage = 10m, DiscountAmount = null, MinSpend = null, MaxDiscount = null,
            Unknown = UnknownCouponFields.MinSpend | UnknownCouponFields.MaxDiscount | UnknownCouponFields.Products,
        };
        CouponListRow[] rows = [CouponListRow.From(Store(), coupon, Now), Full];

        var back = CouponListSegmentSerializer.Deserialize(CouponListSegmentSerializer.Serialize(rows));

        Assert.Equal(rows, back);
        Assert.Equal(((decimal?)null, (decimal?)null, coupon.Unknown), (back[0].MinSpend, back[0].MaxDiscount, back[0].Unknown));
        Assert.Equal(UnknownCouponFields.None, back[1].Unknown);
    }

    [Fact]
    public void Deserialize_EmptySegment_ReturnsNoRows() =>
        Assert.Empty(CouponListSegmentSerializer.Deserialize(CouponListSegmentSerializer.Serialize([])));

    [Fact]
    public void Read_ThroughGzip_ReturnsEqualRows()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => Row($"v-{i}") with { ClaimedCount = i % 100 }).ToArray();
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            CouponListSegmentSerializer.Write(gzip, rows);
            Assert.True(gzip.CanWrite, "Write must leave the caller's stream open.");
        }

        buffer.Position = 0;

        using var unzip = new GZipStream(buffer, CompressionMode.Decompress);
        Assert.Equal(rows, CouponListSegmentSerializer.Read(unzip));
    }

    [Fact]
    public void Deserialize_RowsOfOneStore_ShareTheStoreStrings()
    {
        var back = CouponListSegmentSerializer.Deserialize(CouponListSegmentSerializer.Serialize([Row("v-1"), Row("v-2")]));

        Assert.Same(back[0].StoreName, back[1].StoreName);
        Assert.Same(back[0].Currency, back[1].Currency);
    }

    [Fact]
    public void Deserialize_TruncatedSegment_ThrowsInvalidData()
    {
        var bytes = CouponListSegmentSerializer.Serialize([Full, Sparse]);

        Assert.Throws<InvalidDataException>(() => CouponListSegmentSerializer.Deserialize(bytes[..^3]));
    }

    [Theory]
    [InlineData(0, (byte)'X')]
    [InlineData(4, (byte)2)]
    public void Deserialize_WrongMagicOrVersion_ThrowsInvalidData(int at, byte value)
    {
        var bytes = CouponListSegmentSerializer.Serialize([Full]);
        bytes[at] = value;

        Assert.Throws<InvalidDataException>(() => CouponListSegmentSerializer.Deserialize(bytes));
    }

    [Fact]
    public void Deserialize_RandomBytesAfterTheHeader_ThrowsInvalidDataOnly()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(6, 300)];
            random.NextBytes(bytes);
            "CFLS\u0001"u8.CopyTo(bytes);

            try
            {
                CouponListSegmentSerializer.Deserialize(bytes);
            }
            catch (InvalidDataException)
            {
            }
        }
    }
}
