using CouponFunctions.Core.Inspections.Runs;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Functions;

/// <summary>Timer InspectCoupons (every 5 minutes by default): plan the inspections whose store-local slot is due.</summary>
internal sealed class InspectCouponsFunction(PlanInspectionsHandler handler)
{
    [Function("InspectCoupons")]
    public Task RunAsync([TimerTrigger("%InspectCouponsSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.HandleAsync(cancellationToken);
}
