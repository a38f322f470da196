using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Storage;
using CouponFunctions.Storage.Queues;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Functions;

/// <summary>Queue InspectTenant: inspect a tenant's due stores and send its digest (even with failures, on the last try).</summary>
internal sealed class InspectTenantFunction(InspectTenantHandler handler, IConfiguration configuration)
{
    [Function("InspectTenant")]
    public Task RunAsync(
        [QueueTrigger(QueueNames.InspectTenant, Connection = CouponStorageOptions.SettingName)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        handler.HandleAsync(QueueMessages.Read<InspectTenantMessage>(message), lastAttempt: dequeueCount >= QueueMessages.MaxDequeueCount(configuration), cancellationToken);
}
