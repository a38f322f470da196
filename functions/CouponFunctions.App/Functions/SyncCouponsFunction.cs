using CouponFunctions.Core.Sync;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Functions;

/// <summary>Timer SyncCoupons (every 15 minutes by default): plan one sync message per due store.</summary>
internal sealed class SyncCouponsFunction(PlanSyncHandler handler)
{
    [Function("SyncCoupons")]
    public Task RunAsync([TimerTrigger("%SyncCouponsSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.HandleAsync(cancellationToken);
}
