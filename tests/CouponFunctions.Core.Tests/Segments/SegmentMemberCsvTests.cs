using CouponFunctions.Core.Segments;

namespace CouponFunctions.Core.Tests.Segments;

public sealed class SegmentMemberCsvTests
{
    private static async Task<List<SegmentMemberRow>> ReadAsync(string csv, int maxRows = 1_000_000)
    {
        var open = await SegmentMemberCsv.OpenAsync(new StringReader(csv), maxRows);
        var rows = new List<SegmentMemberRow>();
        await foreach (var row in open.Value!.ReadAsync()) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task ReadAsync_IdColumnAmongOthers_YieldsIdsAndErrors()
    {
        var rows = await ReadAsync("Name,Customer ID\r\nAnn,C1\r\nBo,bad id\r\nAnn again,C1\r\nCy,C3\r\n");

        Assert.Equal(["C1", null, null, "C3"], rows.Select(r => r.CustomerId?.Value));
        Assert.Contains("customer id is 1–64", rows[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Contains("Duplicate in the file", rows[2].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoIdColumn_IsInvalidNamingTheFile()
    {
        var open = await SegmentMemberCsv.OpenAsync(new StringReader("name,email\nAnn,a@example.com\n"));

        Assert.True(open.Errors!.ContainsKey("file"));
    }

    [Fact]
    public async Task ReadAsync_OverTheRowLimit_EndsWithOneError()
    {
        var rows = await ReadAsync("id\nC1\nC2\nC3\n", maxRows: 2);

        Assert.Equal(3, rows.Count);
        Assert.Contains("more than 2 rows", rows[2].Error!.Reason, StringComparison.Ordinal);
    }
}
