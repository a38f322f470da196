using CouponFunctions.Core.Sync;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Functions;

/// <summary>
/// Queue SyncStore: sync one store. A platform failure is a recorded outcome, not an invocation failure (retrying it
/// at once would only hit the platform again; the next schedule retries); surprises throw and the host retries.
/// </summary>
internal sealed class SyncStoreFunction(SyncStoreHandler handler) : QueueFunction<SyncStoreMessage>
{
    protected override Task HandleAsync(SyncStoreMessage message, QueueMessageInfo info, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
