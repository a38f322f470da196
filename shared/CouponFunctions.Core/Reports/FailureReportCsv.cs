using System.Text;
using CouponFunctions.Core.Coupons.Listing;

namespace CouponFunctions.Core.Reports;

/// <summary>One line of a failure report: which customer, at which contacts, and why.</summary>
public sealed record FailureReportRow(string? CustomerId, string? Email, string? Mobile, string Reason);

/// <summary>
/// The failure-report CSV shared by segment sends and customer imports: customer id, email, mobile, reason; UTF-8 with BOM,
/// CRLF, RFC 4180 quoting, cells starting like a formula neutralised (every cell here is customer or merchant text).
/// </summary>
public static class FailureReportCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["Customer ID", "Email", "Mobile", "Reason"];

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Streams the header and one line per row to <paramref name="destination"/> (left open); rows are read one at a time.</summary>
    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<FailureReportRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);

        // The BOM is written by hand: StreamWriter leaves it out on a stream that is not at position 0.
        await destination.WriteAsync(Bom, cancellationToken);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var line = new CsvLine();
        foreach (var column in Columns) line.Text(column);
        await writer.WriteAsync(line.End(), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            line.Text(row.CustomerId).Text(row.Email).Text(row.Mobile).Text(row.Reason).End();
            await writer.WriteAsync(line.Builder, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static Task WriteAsync(Stream destination, IEnumerable<FailureReportRow> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(destination, rows.ToAsyncEnumerable(), cancellationToken);
}
