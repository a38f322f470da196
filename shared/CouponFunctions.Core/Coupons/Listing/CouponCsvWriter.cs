using System.Text;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>
/// Writes coupon-list rows as CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula injection neutralised,
/// money in each currency's decimals, "unknown" for a minimum spend or cap the platform has not told us yet (an empty cap
/// means no cap), every time in the store's local time with its offset ("2026-11-21 09:00:00 +07:00").
/// </summary>
public static class CouponCsvWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Store", "Store ID", "Platform", "Site", "Time zone", "Coupon ID", "Code", "Name", "Status", "Platform status",
        "Reward", "Discount amount", "Percentage", "Max discount", "Min spend", "Currency",
        "Total quantity", "Claimed", "Used", "Remaining", "Redemption rate (%)",
        "Valid from", "Valid to", "Claim start", "Claim end", "Removed", "Removed at", "Archived", "Last changed",
        "Open findings", "Highest severity", "Campaign",
    ];

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Streams the header and one line per row to <paramref name="destination"/>, which is left open.</summary>
    public static async Task WriteAsync(Stream destination, IEnumerable<CouponListRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);

        // The BOM is written by hand: StreamWriter leaves it out on a stream that is not at position 0.
        await destination.WriteAsync(Bom, cancellationToken);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var line = new CsvLine();
        foreach (var column in Columns) line.Text(column);
        await writer.WriteAsync(line.End(), cancellationToken);

        var formatter = new CsvRowFormatter();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear();
            formatter.Append(line, row);
            await writer.WriteAsync(line.Builder, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
