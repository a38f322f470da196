using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;

namespace CouponFunctions.Core.Performance;

/// <summary>The diagnosis quadrant of a coupon, as the seed explains it.</summary>
public enum Diagnosis
{
    /// <summary>Claimed well and used well.</summary>
    Healthy,

    /// <summary>Few claims but many uses of those claimed: a good discount with too little exposure.</summary>
    NeedsExposure,

    /// <summary>Many claims but few uses: the minimum spend is too high or the products do not appeal.</summary>
    ThresholdTooHigh,

    /// <summary>Neither claimed nor used: consider ending it.</summary>
    ConsiderEnding,
}

/// <summary>One coupon placed in the quadrant: its claim rate (claimed / quantity) and use rate (used / claimed).</summary>
public sealed record DiagnosedCoupon(CouponListRow Coupon, decimal ClaimRate, decimal UseRate, Diagnosis Diagnosis);

/// <summary>Places running and paused coupons in the quadrant; coupons without a known quantity or claim count have no claim rate and are counted apart.</summary>
public static class CouponDiagnosis
{
    private static readonly Diagnosis[] ActFirstOrder = [Diagnosis.ConsiderEnding, Diagnosis.ThresholdTooHigh, Diagnosis.NeedsExposure, Diagnosis.Healthy];

    /// <summary>The order an operator acts in: consider ending, then threshold too high, then needs exposure, then healthy.</summary>
    public static int ActFirst(Diagnosis diagnosis) => Array.IndexOf(ActFirstOrder, diagnosis);

    public static (IReadOnlyList<DiagnosedCoupon> Coupons, int WithoutQuantity) Diagnose(IEnumerable<CouponListRow> rows, DiagnosisThresholds thresholds)
    {
        var diagnosed = new List<DiagnosedCoupon>();
        var without = 0;
        foreach (var row in rows)
        {
            if (!TryPlace(row, thresholds, out var placed)) continue;
            if (placed is null) without++;
            else diagnosed.Add(placed);
        }
        return (diagnosed, without);
    }

    /// <summary>False for a coupon the quadrant leaves out (removed, or not running or paused); otherwise the coupon placed,
    /// or null when it has no claim rate (no known quantity or claim count).</summary>
    public static bool TryPlace(CouponListRow row, DiagnosisThresholds thresholds, out DiagnosedCoupon? placed)
    {
        placed = null;
        if (row.IsRemoved || row.Status is not (CouponStatus.Ongoing or CouponStatus.Paused)) return false;
        // Shopee reports uses but no claims: without both numbers a coupon has no place in the quadrant.
        if (row.TotalQuantity is not > 0 || row.ClaimedCount is null) return true;
        var claimed = row.ClaimedCount.Value;
        var claimRate = Math.Min(1m, (decimal)claimed / row.TotalQuantity.Value);
        var useRate = claimed == 0 ? 0m : Math.Min(1m, (decimal)(row.UsedCount ?? 0) / claimed);
        placed = new DiagnosedCoupon(row, claimRate, useRate, Place(claimRate, useRate, thresholds));
        return true;
    }

    public static Diagnosis Place(decimal claimRate, decimal useRate, DiagnosisThresholds thresholds) =>
        (claimRate < thresholds.LowClaimRate, useRate < thresholds.LowUseRate) switch
        {
            (true, true) => Diagnosis.ConsiderEnding,
            (true, false) => Diagnosis.NeedsExposure,
            (false, true) => Diagnosis.ThresholdTooHigh,
            _ => Diagnosis.Healthy,
        };
}
