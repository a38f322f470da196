using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Performance;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class CouponDiagnosisTests
{
    [Theory]
    [InlineData(50, 40, Diagnosis.NeedsExposure)]       // 10% claimed, 80% of those used
    [InlineData(400, 10, Diagnosis.ThresholdTooHigh)]  // 80% claimed, 2.5% used
    [InlineData(20, 0, Diagnosis.ConsiderEnding)]      // 4% claimed, none used
    [InlineData(300, 120, Diagnosis.Healthy)]          // 60% claimed, 40% used
    public void Diagnose_ClaimsAndUses_PlacesTheCouponInItsQuadrant(int claimed, int used, Diagnosis expected)
    {
        var (coupons, without) = CouponDiagnosis.Diagnose([Row(Coupon() with { TotalQuantity = 500, ClaimedCount = claimed, UsedCount = used })], DiagnosisThresholds.Default);

        Assert.Equal(expected, Assert.Single(coupons).Diagnosis);
        Assert.Equal(0, without);
    }

    [Fact]
    public void Diagnose_ThresholdsFromSettings_MoveTheSplit()
    {
        var coupon = Row(Coupon() with { TotalQuantity = 500, ClaimedCount = 50, UsedCount = 40 });

        var (coupons, _) = CouponDiagnosis.Diagnose([coupon], new DiagnosisThresholds(0.05m, 0.1m));

        Assert.Equal(Diagnosis.Healthy, Assert.Single(coupons).Diagnosis);
    }

    [Fact]
    public void Diagnose_EndedOrWithoutQuantityOrClaims_AreLeftOutAndCounted()
    {
        var ended = Row(Coupon("v-2", CouponStatus.Ended));
        var unlimited = Row(Coupon("v-3") with { TotalQuantity = null });
        var noClaims = Row(Coupon("v-4") with { ClaimedCount = null });

        var (coupons, without) = CouponDiagnosis.Diagnose([ended, unlimited, noClaims], DiagnosisThresholds.Default);

        Assert.Empty(coupons);
        Assert.Equal(2, without);
    }

    private static CouponListRow Row(Coupon coupon) => CouponListRow.From(Store(), coupon, Now);
}
