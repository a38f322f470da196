using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using CouponFunctions.Storage;

namespace CouponFunctions.App.Health;

/// <summary>One check of a storage service: "ok" or "failed" with the error's type or HTTP status (never its message).</summary>
internal sealed record StorageCheck(string Status, long Milliseconds, string? Error);

/// <summary>Checks that each storage service (tables, queues, blobs) answers and accepts our credentials.</summary>
internal sealed class StorageProbe(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyDictionary<string, StorageCheck>> RunAsync(CancellationToken cancellationToken = default) => new Dictionary<string, StorageCheck>
    {
        ["tables"] = await CheckAsync(async token =>
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: token)) break;
        }, cancellationToken),
        ["queues"] = await CheckAsync(token => queues.GetQueueClient("health-probe").GetPropertiesAsync(token), cancellationToken, notFoundIsOk: true),
        ["blobs"] = await CheckAsync(async token =>
        {
            var probe = blobs.GetBlobContainerClient(ContainerNames.Outbox).GetBlobsAsync(new GetBlobsOptions { Prefix = "health-probe/" }, token);
            await foreach (var _ in probe) break;
        }, cancellationToken),
    };

    private static async Task<StorageCheck> CheckAsync(Func<CancellationToken, Task> probe, CancellationToken ct, bool notFoundIsOk = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CheckTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await probe(timeout.Token);
            return new StorageCheck("ok", watch.ElapsedMilliseconds, null);
        }
        catch (Azure.RequestFailedException e) when (notFoundIsOk && e.Status == 404)
        {
            // The service answered (the probe queue need not exist): it is reachable and our credentials work.
            return new StorageCheck("ok", watch.ElapsedMilliseconds, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Only the exception type and status: storage messages can carry request URLs.
            var detail = e is Azure.RequestFailedException failed ? $"HTTP {failed.Status} {failed.ErrorCode}" : e.GetType().Name;
            return new StorageCheck("failed", watch.ElapsedMilliseconds, detail);
        }
    }
}
