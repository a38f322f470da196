using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Performance;

/// <summary>
/// The store-day totals the dashboard reads, one <see cref="DayTotalsBlob"/> per tenant and day. A sync writes its store's
/// entry by read-modify-write under the blob's ETag, so stores of one tenant syncing at once never lose each other's
/// figures, and a retry with the same figures writes nothing. Reads keep every day in memory with its ETag: a period
/// costs one listing of the tenant's day blobs and a download of the days that changed since this instance last saw them
/// (the listing is the version check, so another instance's write shows in the next call).
/// </summary>
internal sealed class DayTotalsStore(BlobServiceClient blobs) : IStoreDayTotals
{
    /// <summary>Conflicting writers of one day each win a round in turn (a tenant may sync dozens of stores at once); this
    /// bounds a writer that keeps losing.</summary>
    private const int MaxRounds = 64;
    private const int MaxParallelDownloads = 8;
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.DayTotals);
    private readonly ConcurrentDictionary<TenantId, ConcurrentDictionary<DateOnly, DayTotalsBlob>> _tenants = new();

    public async Task SaveAsync(TenantId tenantId, StoreDayTotals totals, CancellationToken cancellationToken = default)
    {
        var days = Days(tenantId);
        var blob = _container.GetBlobClient(DayTotalsBlob.Name(tenantId, totals.Day));
        // Start from this instance's copy (often current: its own last write); a stale one costs a 412 and a fresh read.
        var current = days.GetValueOrDefault(totals.Day);
        var fresh = current is null;
        current ??= await DownloadAsync(blob, totals.Day, cancellationToken);
        for (var round = 1; ; round++)
        {
            if (current.Holds(totals))
            {
                // Only a fresh read may say nothing is to be written: the store's run may have written other figures from
                // another instance since this copy was made.
                if (fresh) return;
                current = days[totals.Day] = await DownloadAsync(blob, totals.Day, cancellationToken);
                fresh = true;
                continue;
            }
            var content = current.With(totals, out var stores);
            var conditions = current.ETag == default ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = current.ETag };
            try
            {
                var written = await blob.UploadAsync(new BinaryData(content),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/gzip" } }, cancellationToken);
                days[totals.Day] = DayTotalsBlob.Written(written.Value.ETag, totals.Day, stores);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && round < MaxRounds)
            {
                // Another store's run wrote the day since this copy was read: start again from its version.
                current = days[totals.Day] = await DownloadAsync(blob, totals.Day, cancellationToken);
                fresh = true;
            }
        }
    }

    /// <summary>Every store's totals of the days from <paramref name="from"/> to <paramref name="to"/>, by day.</summary>
    public async Task<IReadOnlyList<StoreDayTotals>> ReadAsync(TenantId tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var days = Days(tenantId);
        var listed = new SortedDictionary<DateOnly, ETag>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = DayTotalsBlob.Prefix(tenantId, from, to) }, cancellationToken))
        {
            if (DayTotalsBlob.ParseDay(tenantId, item.Name) is { } day && day >= from && day <= to && item.Properties.ETag is { } etag) listed[day] = etag;
        }
        var changed = listed.Where(l => !days.TryGetValue(l.Key, out var known) || !SameVersion(known.ETag, l.Value)).Select(l => l.Key).ToList();
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelDownloads, CancellationToken = cancellationToken },
            async (day, token) => days[day] = await DownloadAsync(_container.GetBlobClient(DayTotalsBlob.Name(tenantId, day)), day, token));
        return listed.Keys.SelectMany(day => days.TryGetValue(day, out var blob) ? blob.Totals : []).ToList();
    }

    /// <summary>A listing gives a blob's ETag without the quotes its download and upload answers carry (Azure and Azurite alike).</summary>
    private static bool SameVersion(ETag known, ETag listed) => known.ToString().Trim('"') == listed.ToString().Trim('"');

    private ConcurrentDictionary<DateOnly, DayTotalsBlob> Days(TenantId tenantId) => _tenants.GetOrAdd(tenantId, _ => new ConcurrentDictionary<DateOnly, DayTotalsBlob>());

    private static async Task<DayTotalsBlob> DownloadAsync(BlobClient blob, DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            using var content = download.Value.Content.ToStream();
            return DayTotalsBlob.Read(download.Value.Details.ETag, day, content);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return DayTotalsBlob.Empty(day);
        }
    }
}
