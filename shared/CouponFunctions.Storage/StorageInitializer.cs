using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Storage;

/// <summary>Creates the app's tables, queues and containers if missing (infra/ creates them in Azure too).</summary>
public sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, ILogger<StorageInitializer> logger)
{
    public async Task EnsureCreatedAsync(IEnumerable<string> queueNames, CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(TableNames.All.Select(t => tables.CreateTableIfNotExistsAsync(t, cancellationToken)));
        await Task.WhenAll(queueNames.SelectMany(q => new[] { q, q + "-poison" }).Select(q => queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(ContainerNames.All.Select(c => blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        logger.LogInformation("Storage is ready: {Tables} tables, queues and containers exist", TableNames.All.Count);
    }
}

/// <summary>Every blob container of the app.</summary>
public static class ContainerNames
{
    /// <summary>The local notification outbox: one blob per message, named by its idempotency key.</summary>
    public const string Outbox = "outbox";

    /// <summary>The coupon list read model: per store segments of list rows and open findings.</summary>
    public const string ReadModel = "readmodel";

    /// <summary>Downloadable reports (failure reports, exports), shared through read-only expiring links.</summary>
    public const string Reports = "reports";

    /// <summary>The dashboard's store-day totals: one gzip'd blob per tenant and store-local day with every store's figures.</summary>
    public const string DayTotals = "daytotals";

    public static IReadOnlyList<string> All { get; } = [Outbox, ReadModel, Reports, DayTotals];
}
