using CouponFunctions.Core.Tokens;
using CouponFunctions.Storage;
using CouponFunctions.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Functions;

/// <summary>Queue RefreshStoreToken: refresh one store's token (a refusal marks the store for re-authorization).</summary>
internal sealed class RefreshStoreTokenFunction(RefreshStoreTokenJob job)
{
    [Function("RefreshStoreToken")]
    public Task RunAsync(
        [QueueTrigger(QueueNames.RefreshStoreToken, Connection = CouponStorageOptions.SettingName)] string message, CancellationToken cancellationToken) =>
        job.HandleAsync(QueueMessages.Read<RefreshStoreTokenMessage>(message), cancellationToken);
}
