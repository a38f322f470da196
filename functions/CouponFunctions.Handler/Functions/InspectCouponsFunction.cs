using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Functions;

/// <summary>Timer InspectCoupons: plan the inspections whose store-local slot is due.</summary>
internal sealed class InspectCouponsFunction(PlanInspectionsHandler handler) : TimerFunction
{
    protected override Task RunAsync(TimerInfo timer, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken);
}
