using CouponFunctions.Core.Sync;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Functions;

/// <summary>Timer SyncCoupons: plan one sync message per due store.</summary>
internal sealed class SyncCouponsFunction(PlanSyncHandler handler) : TimerFunction
{
    protected override Task RunAsync(TimerInfo timer, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken);
}
