using CouponFunctions.Core.Coupons;
using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>usage.low_claims_high_usage and usage.high_claims_low_usage (both Info: performance hints, not faults). Judged
/// only for running coupons whose platform gives both counts and a total, once they have run
/// <see cref="InspectionSettings.UsageMinRunTime"/> and have <see cref="InspectionSettings.UsageMinClaims"/> claims:
/// <list type="bullet">
/// <item>low claims, high usage: claimed ≤ <see cref="InspectionSettings.LowClaimSharePercent"/> of the total and used ≥
/// <see cref="InspectionSettings.HighRedemptionPercent"/> of claims (a good discount with poor exposure);</item>
/// <item>high claims, low usage: claimed ≥ <see cref="InspectionSettings.HighClaimSharePercent"/> of the total and used ≤
/// <see cref="InspectionSettings.LowRedemptionPercent"/> of claims (threshold too high or products unattractive).</item>
/// </list></summary>
internal sealed class UsageRule : IInspectionRule
{
    public void Evaluate(Coupon coupon, InspectionContext context, List<Finding> findings)
    {
        if (coupon is not { ClaimedCount: { } claimed, UsedCount: { } used, TotalQuantity: { } total and > 0 }) return;
        var s = context.Settings;
        if (claimed < s.UsageMinClaims || !context.IsLive(coupon) || context.Now - coupon.ValidFrom < s.UsageMinRunTime) return;

        var claimShare = Share(claimed, total);
        var redemption = Share(Math.Min(used, claimed), claimed);
        var ran = Span(context.Now - coupon.ValidFrom);
        if (claimShare <= s.LowClaimSharePercent && redemption >= s.HighRedemptionPercent)
            findings.Add(context.For(coupon, FindingCodes.UsageLowClaimsHighUsage, FindingSeverity.Info,
                $"Only {Count(claimed)} of {Count(total)} claimed ({Percent(claimShare)}) on {Quote(coupon.Name)} after {ran}, " +
                $"but {Count(used)} of those were used ({Percent(redemption)}): buyers like the discount but few see it.",
                "Give it more exposure: feature it on the shop page, in live streams, chat broadcasts or a campaign."));
        else if (claimShare >= s.HighClaimSharePercent && redemption <= s.LowRedemptionPercent)
            findings.Add(context.For(coupon, FindingCodes.UsageHighClaimsLowUsage, FindingSeverity.Info,
                $"{Count(claimed)} of {Count(total)} claimed ({Percent(claimShare)}) on {Quote(coupon.Name)} after {ran}, " +
                $"but only {Count(used)} used ({Percent(redemption)}): the minimum spend may be too high or the products unattractive.",
                "Lower the minimum spend, or apply the coupon to products buyers want."));
    }
}
