using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Reports;

namespace CouponFunctions.Storage.Sends;

/// <summary>
/// The failure report of a send: "reports/sends/{tenant}/{send}/failures.csv" (<see cref="FailureReportCsv"/>, streamed from the
/// Failed outcome rows), shared through a read-only link that ends when the report does, 7 days after the send finished.
/// </summary>
internal sealed class SendFailureReports(BlobServiceClient blobs, ISendRecipientStore outcomes, ReportLinks links, TimeProvider time) : ISendFailureReports
{
    public static string BlobName(TenantId tenantId, SendId sendId) => $"sends/{tenantId.Value}/{sendId.Value}/failures.csv";

    public async Task<int> WriteAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default)
    {
        var blob = blobs.GetBlobContainerClient(ContainerNames.Reports).GetBlobClient(BlobName(tenantId, sendId));
        var counter = new RowCounter();
        var options = new BlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = "text/csv; charset=utf-8",
                ContentDisposition = $"attachment; filename=\"send-{sendId.Value}-failures.csv\"",
            },
        };
        await using (var stream = await blob.OpenWriteAsync(overwrite: true, options, cancellationToken))
        {
            await FailureReportCsv.WriteAsync(stream, counter.Count(Rows(tenantId, sendId, cancellationToken)), cancellationToken);
        }

        return counter.Value;
    }

    public async Task<ReportDownload> LinkAsync(TenantId tenantId, SendId sendId, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expiresAt = ReportValidity.ExpiresAt(finishedAt);
        if (ReportValidity.Check(finishedAt, now) == ReportAccess.Expired) return new ReportDownload(ReportAccess.Expired, null, expiresAt);
        var link = await links.CreateReadLinkAsync(ContainerNames.Reports, BlobName(tenantId, sendId), expiresAt, cancellationToken);
        return new ReportDownload(ReportAccess.Available, link, expiresAt);
    }

    private async IAsyncEnumerable<FailureReportRow> Rows(TenantId tenantId, SendId sendId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var outcome in outcomes.StreamFailedAsync(tenantId, sendId, cancellationToken)) yield return outcome.ToReportRow();
    }

    private sealed class RowCounter
    {
        public int Value { get; private set; }

        public async IAsyncEnumerable<FailureReportRow> Count(IAsyncEnumerable<FailureReportRow> rows)
        {
            await foreach (var row in rows)
            {
                Value++;
                yield return row;
            }
        }
    }
}
