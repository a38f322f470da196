using CouponFunctions.Storage.Clients;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Storage;

/// <summary>Creates the app's tables, queues and containers if missing (infra/ creates them in Azure too).</summary>
public sealed class StorageInitializer(StorageClients storage, ILogger<StorageInitializer> logger)
{
    public async Task EnsureCreatedAsync(IEnumerable<string> queues, CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(TableNames.All.Select(t => storage.GetTableClient(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(queues.SelectMany(q => new[] { q, q + "-poison" }).Select(q => storage.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(ContainerNames.All.Select(c => storage.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken)));
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

    public static IReadOnlyList<string> All { get; } = [Outbox, ReadModel];
}
