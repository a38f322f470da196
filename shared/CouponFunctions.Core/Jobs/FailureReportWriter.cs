using System.Globalization;
using System.Text;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Jobs;

/// <summary>The failure report of a job as CSV for Excel, with the coupon list's writer rules: UTF-8 with BOM, CRLF, RFC 4180
/// quoting, formula injection neutralised. One line per item that failed or was cancelled; successes and skips are left out.</summary>
public static class FailureReportWriter
{
    public static IReadOnlyList<string> Columns { get; } =
        ["Store", "Store ID", "Platform", "Coupon", "Action", "Reason code", "Rule code", "Message", "Platform code", "HTTP status", "Request ID", "Request URL"];

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Whether an item belongs in the report.</summary>
    public static bool Belongs(JobItem item) => item.State is JobItemState.Failed or JobItemState.Cancelled;

    /// <summary>Streams the header and one line per failed or cancelled item to <paramref name="destination"/>, which is left open.</summary>
    public static async Task WriteAsync(Stream destination, IEnumerable<JobItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(items);

        // The BOM is written by hand, as in CouponCsvWriter: StreamWriter leaves it out on a stream not at position 0.
        await destination.WriteAsync(Bom, cancellationToken);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
        var line = new CsvLine();
        foreach (var column in Columns) line.Text(column);
        await writer.WriteAsync(line.End(), cancellationToken);

        foreach (var item in items.Where(Belongs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            line.Clear();
            var o = item.Outcome;
            // Everything from a platform or an operator is text and neutralised; only the status is a number we wrote.
            line.Text(item.StoreName).Text(item.StoreId.Value).Text(item.Platform.ToWire()).Text(item.PlatformCouponId)
                .Text(item.Action).Text(o?.ReasonCode).Text(o?.RuleCode).Text(o?.Message).Text(o?.PlatformCode)
                .Plain(o?.HttpStatus?.ToString(CultureInfo.InvariantCulture)).Text(o?.RequestId).Text(UrlRedaction.Redact(o?.RequestUrl))
                .End();
            await writer.WriteAsync(line.Builder, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
