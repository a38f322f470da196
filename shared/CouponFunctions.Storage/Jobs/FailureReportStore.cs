using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Reports;

namespace CouponFunctions.Storage.Jobs;

/// <summary>
/// Failure reports as blobs "{tenant}/jobs/{job}/failures.csv" in the reports container, the expiry in the blob's metadata.
/// Links are read-only SAS (<see cref="ReportLinks"/>) that end when the report does. An expired report is answered as
/// Expired while its blob is there (a storage lifecycle rule may remove it later; the job row's ReportExpiresAt still tells
/// the endpoint it was there, to keep answering 410).
/// </summary>
internal sealed class FailureReportStore(BlobServiceClient blobs, ReportLinks links, TimeProvider time) : IFailureReportStore
{
    private const string ExpiresAtKey = "expiresat";
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.Reports);

    public static string BlobName(TenantId tenantId, JobId jobId) => $"{tenantId.Value}/jobs/{jobId.Value}/failures.csv";

    public async Task<FailureReportLink> WriteAsync(
        TenantId tenantId, JobId jobId, IEnumerable<JobItem> items, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var expiresAt = ReportExpiry.ExpiresAt(finishedAt);
        if (ReportExpiry.Check(expiresAt, time.GetUtcNow()) == ReportAvailability.Expired)
            throw new ArgumentOutOfRangeException(nameof(finishedAt), finishedAt, "The job finished longer ago than a report lives.");

        var name = BlobName(tenantId, jobId);
        var options = new BlockBlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = "text/csv; charset=utf-8",
                ContentDisposition = $"attachment; filename=\"failures-{jobId.Value}.csv\"",
            },
            Metadata = new Dictionary<string, string> { [ExpiresAtKey] = expiresAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
        };
        await using (var stream = await _container.GetBlockBlobClient(name).OpenWriteAsync(overwrite: true, options, cancellationToken))
            await FailureReportWriter.WriteAsync(stream, items, cancellationToken);
        return await LinkAsync(name, expiresAt, cancellationToken);
    }

    public async Task<FailureReportLookup> GetAsync(TenantId tenantId, JobId jobId, CancellationToken cancellationToken = default)
    {
        var name = BlobName(tenantId, jobId);
        BlobProperties properties;
        try
        {
            properties = (await _container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return FailureReportLookup.NotFound;
        }

        var expiresAt = properties.Metadata.TryGetValue(ExpiresAtKey, out var text)
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : ReportExpiry.ExpiresAt(properties.LastModified);
        return ReportExpiry.Check(expiresAt, time.GetUtcNow()) == ReportAvailability.Expired
            ? new FailureReportLookup(ReportAvailability.Expired, null)
            : new FailureReportLookup(ReportAvailability.Available, await LinkAsync(name, expiresAt, cancellationToken));
    }

    private async Task<FailureReportLink> LinkAsync(string name, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var latest = time.GetUtcNow() + ReportLinks.MaxValidity;
        var linkExpiresAt = expiresAt < latest ? expiresAt : latest;
        var url = await links.CreateReadLinkAsync(ContainerNames.Reports, name, linkExpiresAt, cancellationToken);
        return new FailureReportLink(url, linkExpiresAt);
    }
}
