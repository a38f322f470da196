using System.Text;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponCsvWriterTests
{
    [Fact]
    public async Task WriteAsync_AnyRows_StartsWithOneBomThenTheHeader()
    {
        var bytes = await WriteAsync(Row());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.NotEqual(0xEF, bytes[3]);
        Assert.Equal(CouponCsvWriter.Columns, Parse(bytes)[0]);
    }

    [Fact]
    public async Task WriteAsync_MinSpendAndCapNotReadYet_SaysUnknownAndKeepsNoCapEmpty()
    {
        var unread = Coupon("c-u") with
        {
            Reward = RewardType.Percentage, Percentage = 10m, DiscountAmount = null, MinSpend = null, MaxDiscount = null,
            Unknown = UnknownCouponFields.MinSpend | UnknownCouponFields.MaxDiscount,
        };
        var uncapped = Coupon("c-n") with { Reward = RewardType.Percentage, Percentage = 10m, DiscountAmount = null, MinSpend = 0m, MaxDiscount = null };

        var rows = Parse(await WriteAsync(CouponListRow.From(Store(), unread, Now), CouponListRow.From(Store(), uncapped, Now)));

        Assert.Equal(("unknown", "unknown"), (rows[1][Index("Min spend")], rows[1][Index("Max discount")]));
        Assert.Equal(("0.00", ""), (rows[2][Index("Min spend")], rows[2][Index("Max discount")]));
    }

    private static int Index(string column) => CouponCsvWriter.Columns.ToList().IndexOf(column);

    [Fact]
    public async Task WriteAsync_StreamAlreadyHoldingData_StillWritesTheBom()
    {
        using var stream = new MemoryStream();
        stream.Write("x"u8);

        await CouponCsvWriter.WriteAsync(stream, [Row()]);

        Assert.Equal(new byte[] { (byte)'x', 0xEF, 0xBB, 0xBF }, stream.ToArray()[..4]);
    }

    [Fact]
    public async Task WriteAsync_TextWithCommaQuoteAndNewline_QuotesPerRfc4180()
    {
        var bytes = await WriteAsync(Row() with { Name = "Big \"mega\" sale,\r\nday 2" });

        Assert.Contains("\"Big \"\"mega\"\" sale,\r\nday 2\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("Big \"mega\" sale,\r\nday 2", Cell(Parse(bytes), "Name"));
        Assert.Equal(CouponCsvWriter.Columns.Count, Parse(bytes)[1].Length);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"click\")", "'=HYPERLINK(\"http://evil\",\"click\")")]
    [InlineData("+1 free", "'+1 free")]
    [InlineData("-50% off", "'-50% off")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Sale = fun", "Sale = fun")]
    public async Task WriteAsync_TextStartingLikeAFormula_GetsALeadingApostrophe(string name, string expected)
    {
        var rows = Parse(await WriteAsync(Row() with { Name = name, Code = name, StoreName = name }));

        Assert.Equal(expected, Cell(rows, "Name"));
        Assert.Equal(expected, Cell(rows, "Code"));
        Assert.Equal(expected, Cell(rows, "Store"));
    }

    [Fact]
    public async Task WriteAsync_NegativeNumber_IsWrittenAsANumber()
    {
        var bytes = await WriteAsync(Row() with { MinSpend = -5m });

        Assert.Equal("-5.00", Cell(Parse(bytes), "Min spend"));
        Assert.Contains(",-5.00,", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Times_AreStoreLocalWithTheirOffsetAndZone()
    {
        var bangkok = Row(store: Store("s-bkk", Platform.Lazada, "TH")) with
        {
            ValidFrom = new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero), ValidTo = new DateTimeOffset(2026, 11, 30, 16, 59, 59, TimeSpan.Zero),
        };
        var london = Row(store: Store("s-lon", Platform.TikTok, "GB")) with
        {
            ValidFrom = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), ValidTo = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero),
        };

        var rows = Parse(await WriteAsync(bangkok, london));

        Assert.Equal(("Asia/Bangkok", "2026-11-21 09:00:00 +07:00", "2026-11-30 23:59:59 +07:00"), (Cell(rows, "Time zone"), Cell(rows, "Valid from"), Cell(rows, "Valid to")));
        Assert.Equal(("Europe/London", "2026-10-01 09:00:00 +01:00", "2026-11-01 08:00:00 +00:00"), (Cell(rows, "Time zone", 2), Cell(rows, "Valid from", 2), Cell(rows, "Valid to", 2)));
        Assert.Equal("", Cell(rows, "Claim start"));
    }

    [Fact]
    public async Task WriteAsync_Money_UsesTheCurrencyDecimals()
    {
        var idr = Row("c-idr") with { Currency = "IDR", DiscountAmount = 25_000m, MinSpend = 150_000.4m, MaxDiscount = null };
        var sgd = Row("c-sgd") with { Currency = "SGD", DiscountAmount = 5m, MinSpend = 12.345m, MaxDiscount = 30m };

        var rows = Parse(await WriteAsync(idr, sgd));

        Assert.Equal(("25000", "150000", ""), (Cell(rows, "Discount amount"), Cell(rows, "Min spend"), Cell(rows, "Max discount")));
        Assert.Equal(("5.00", "12.35", "30.00"), (Cell(rows, "Discount amount", 2), Cell(rows, "Min spend", 2), Cell(rows, "Max discount", 2)));
    }

    [Fact]
    public async Task WriteAsync_Row_WritesCountsStatusAndFlags()
    {
        var row = Row(status: CouponStatus.Paused) with { OpenFindings = 2, HighestSeverity = "high", RemovedAt = Now, Code = null };

        var rows = Parse(await WriteAsync(row));

        Assert.Equal(("paused", "fixedAmount", "shopee", ""), (Cell(rows, "Status"), Cell(rows, "Reward"), Cell(rows, "Platform"), Cell(rows, "Code")));
        Assert.Equal(("100", "40", "10", "60", "25.0"), (Cell(rows, "Total quantity"), Cell(rows, "Claimed"), Cell(rows, "Used"), Cell(rows, "Remaining"), Cell(rows, "Redemption rate (%)")));
        Assert.Equal(("yes", "no", "2", "high"), (Cell(rows, "Removed"), Cell(rows, "Archived"), Cell(rows, "Open findings"), Cell(rows, "Highest severity")));
    }

    [Fact]
    public async Task WriteAsync_RowWithCampaign_WritesItNeutralised()
    {
        var rows = Parse(await WriteAsync(Row("c-1") with { Campaign = "Mid-Year Sale" }, Row("c-2") with { Campaign = "=HYPERLINK(1)" }, Row("c-3")));

        Assert.Equal(("Mid-Year Sale", "'=HYPERLINK(1)", ""), (Cell(rows, "Campaign"), Cell(rows, "Campaign", 2), Cell(rows, "Campaign", 3)));
    }

    [Fact]
    public async Task WriteAsync_ManyRows_WritesOneLinePerRow()
    {
        var source = Enumerable.Range(0, 5000).Select(i => Row($"c-{i}"));

        Assert.Equal(5001, Parse(await WriteAsync(source.ToArray())).Count);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CouponCsvWriter.WriteAsync(stream, [Row()], new CancellationToken(canceled: true)));
    }

    private static async Task<byte[]> WriteAsync(params CouponListRow[] rows)
    {
        using var stream = new MemoryStream();
        await CouponCsvWriter.WriteAsync(stream, rows);
        return stream.ToArray();
    }

    private static List<string[]> Parse(byte[] bytes) => Rfc4180.Parse(Encoding.UTF8.GetString(bytes.AsSpan(3)));

    private static string Cell(List<string[]> rows, string column, int row = 1) =>
        rows[row][CouponCsvWriter.Columns.ToList().IndexOf(column)];
}
