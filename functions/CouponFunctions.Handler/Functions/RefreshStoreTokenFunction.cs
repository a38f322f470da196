using CouponFunctions.Core.Tokens;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Functions;

/// <summary>Queue RefreshStoreToken: refresh one store's token (a refusal marks the store for re-authorization).</summary>
internal sealed class RefreshStoreTokenFunction(RefreshStoreTokenJob job) : QueueFunction<RefreshStoreTokenMessage>
{
    protected override Task HandleAsync(RefreshStoreTokenMessage message, QueueMessageInfo info, CancellationToken cancellationToken) =>
        job.HandleAsync(message, cancellationToken);
}
