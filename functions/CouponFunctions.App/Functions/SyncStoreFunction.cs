using CouponFunctions.Core.Sync;
using CouponFunctions.Storage;
using CouponFunctions.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Functions;

/// <summary>
/// Queue SyncStore: sync one store. A platform failure is a recorded outcome, not an invocation failure (retrying it
/// at once would only hit the platform again; the next schedule retries); surprises throw and the host retries.
/// </summary>
internal sealed class SyncStoreFunction(SyncStoreHandler handler)
{
    [Function("SyncStore")]
    public Task RunAsync(
        [QueueTrigger(QueueNames.SyncStore, Connection = CouponStorageOptions.SettingName)] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(QueueMessages.Read<SyncStoreMessage>(message), cancellationToken);
}
