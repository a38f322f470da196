using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>One coupon rule: adds its findings for a coupon, or nothing. Called for every coupon, so it must stay cheap
/// until it fires: compare first, format the message only then.</summary>
internal interface IInspectionRule
{
    void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings);
}

/// <summary>One rule about a whole store rather than a coupon.</summary>
internal interface IStoreInspectionRule
{
    void Evaluate(InspectionContext context, List<Finding> findings);
}
