using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Functions;

/// <summary>Queue InspectTenant: inspect a tenant's due stores and send its digest (even with failures, on the last try).</summary>
internal sealed class InspectTenantFunction(InspectTenantHandler handler, FunctionAppDefinition app) : QueueFunction<InspectTenantMessage>
{
    protected override Task HandleAsync(InspectTenantMessage message, QueueMessageInfo info, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, lastAttempt: info.DequeueCount >= app.Host.Queues.MaxDequeueCount, cancellationToken);
}
