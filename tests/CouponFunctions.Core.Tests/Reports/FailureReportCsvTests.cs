using System.Text;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Tests.Coupons.Listing;

namespace CouponFunctions.Core.Tests.Reports;

public sealed class FailureReportCsvTests
{
    private static async Task<byte[]> WriteAsync(params FailureReportRow[] rows)
    {
        using var stream = new MemoryStream();
        await FailureReportCsv.WriteAsync(stream, rows);
        return stream.ToArray();
    }

    [Fact]
    public async Task WriteAsync_Rows_StartsWithBomAndHeaderThenOneLinePerRow()
    {
        var bytes = await WriteAsync(new FailureReportRow("C1", "ann@example.com", null, "email: provider rejected (Mailbox full)"));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = Rfc4180.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["Customer ID", "Email", "Mobile", "Reason"], records[0]);
        Assert.Equal(["C1", "ann@example.com", "", "email: provider rejected (Mailbox full)"], records[1]);
    }

    [Fact]
    public async Task WriteAsync_FormulaInANameOrContact_IsNeutralised()
    {
        var bytes = await WriteAsync(new FailureReportRow("=HYPERLINK(\"http://x\")", "+1@example.com", "-5", "@SUM(A1)"));

        var record = Rfc4180.Parse(Encoding.UTF8.GetString(bytes[3..]))[1];
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'+1@example.com", "'-5", "'@SUM(A1)"], record);
    }

    [Fact]
    public void Check_SevenDaysAfterFinishing_IsExpiredAndAMomentBeforeIsAvailable()
    {
        var finished = new DateTimeOffset(2026, 11, 21, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal(ReportAccess.Available, ReportValidity.Check(finished, finished.AddDays(7).AddTicks(-1)));
        Assert.Equal(ReportAccess.Expired, ReportValidity.Check(finished, finished.AddDays(7)));
        Assert.Equal(finished.AddDays(7), ReportValidity.ExpiresAt(finished));
    }
}
