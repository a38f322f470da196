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
/// figures, and a retry with the same figures writes nothing. Within an instance the saves of one day go out together (see
/// <see cref="DayWrites"/>), so the ETag only settles races between instances. Reads keep every day in memory with its
/// ETag: a period costs one listing of the tenant's day blobs and a download of the days that changed since this instance
/// last saw them (the listing is the version check, so another instance's write shows in the next call).
/// </summary>
internal sealed class DayTotalsStore(BlobServiceClient blobs) : IStoreDayTotals
{
    /// <summary>Instances writing one day at once each win a round in turn; this bounds a writer that keeps losing.</summary>
    private const int MaxRounds = 64;
    private const int MaxParallelDownloads = 8;
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.DayTotals);
    private readonly ConcurrentDictionary<TenantId, ConcurrentDictionary<DateOnly, DayTotalsBlob>> _tenants = new();
    private readonly ConcurrentDictionary<(TenantId Tenant, DateOnly Day), DayWrites> _writes = new();

    public Task SaveAsync(TenantId tenantId, StoreDayTotals totals, CancellationToken cancellationToken = default) =>
        _writes.GetOrAdd((tenantId, totals.Day), key => new DayWrites(this, key.Tenant, key.Day)).SaveAsync(totals, cancellationToken);

    /// <summary>
    /// Writes the stores' totals into the day by read-modify-write under the blob's ETag, starting again from the blob's
    /// version when another instance wrote it meanwhile.
    /// </summary>
    private async Task WriteAsync(TenantId tenantId, DateOnly day, IReadOnlyList<StoreDayTotals> totals)
    {
        var days = Days(tenantId);
        var blob = _container.GetBlobClient(DayTotalsBlob.Name(tenantId, day));
        // Start from this instance's copy (often current: its own last write); a stale one costs a 412 and a fresh read.
        var current = days.GetValueOrDefault(day);
        var fresh = current is null;
        current ??= await DownloadAsync(blob, day, CancellationToken.None);
        for (var round = 1; ; round++)
        {
            if (totals.All(current.Holds))
            {
                // Only a fresh read may say nothing is to be written: the stores' runs may have written other figures from
                // another instance since this copy was made.
                if (fresh) return;
                current = days[day] = await DownloadAsync(blob, day, CancellationToken.None);
                fresh = true;
                continue;
            }
            var content = current.With(totals, out var stores);
            var conditions = current.ETag == default ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = current.ETag };
            try
            {
                var written = await blob.UploadAsync(new BinaryData(content),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/gzip" } });
                days[day] = DayTotalsBlob.Written(written.Value.ETag, day, stores);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && round < MaxRounds)
            {
                // Another instance wrote the day since this copy was read: start again from its version.
                current = days[day] = await DownloadAsync(blob, day, CancellationToken.None);
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

    /// <summary>
    /// The saves of one tenant-day in this instance, one write at a time: a save that arrives while the day is being written
    /// waits and goes out with every other save that arrived meanwhile, in the next write. Stores of a tenant often finish
    /// their syncs together (a fleet's first sync ends dozens of runs within a second); one at a time under the ETag, each
    /// of them had to lose a race to every earlier one, and the last waited for all of those rounds before its run could end.
    /// A write runs apart from the callers that wait for it (with no caller's cancellation), so a caller that stops waiting
    /// does not stop the others' figures; a failed write fails every save it carried.
    /// </summary>
    private sealed class DayWrites(DayTotalsStore owner, TenantId tenantId, DateOnly day)
    {
        private readonly Lock _lock = new();
        private List<(StoreDayTotals Totals, TaskCompletionSource Done)> _waiting = [];
        private bool _writing;

        public Task SaveAsync(StoreDayTotals totals, CancellationToken cancellationToken)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool start;
            lock (_lock)
            {
                _waiting.Add((totals, done));
                start = !_writing;
                _writing = true;
            }
            if (start) _ = Task.Run(WriteWaitingAsync, CancellationToken.None);
            return done.Task.WaitAsync(cancellationToken);
        }

        private async Task WriteWaitingAsync()
        {
            while (true)
            {
                List<(StoreDayTotals Totals, TaskCompletionSource Done)> saves;
                lock (_lock)
                {
                    if (_waiting.Count == 0)
                    {
                        _writing = false;
                        return;
                    }
                    (saves, _waiting) = (_waiting, []);
                }
                try
                {
                    // A store saved twice meanwhile keeps its later figures (they are absolute).
                    var latest = saves.Select(s => s.Totals).GroupBy(t => t.StoreId).Select(g => g.Last()).ToList();
                    await owner.WriteAsync(tenantId, day, latest);
                    foreach (var save in saves) save.Done.SetResult();
                }
                catch (Exception e)
                {
                    foreach (var save in saves) save.Done.SetException(e);
                }
            }
        }
    }
}
