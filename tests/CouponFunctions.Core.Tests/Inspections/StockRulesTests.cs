using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class StockRulesTests
{
    private static Coupon Left(int left, int total = 500) => Coupon() with { TotalQuantity = total, ClaimedCount = total - left, UsedCount = 0 };

    [Fact]
    public void Inspect_OngoingWithNothingLeft_ReportsStockOut()
    {
        var findings = Inspect(Left(0));

        var finding = findings.Single(FindingCodes.StockOut);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("'Payday 10% off' has run out: all 500 are claimed, and it runs until Tue 1 Dec 09:00 (Asia/Bangkok).", finding.Message);
        Assert.Equal("Replenish the quantity or end the coupon.", finding.Action);
        Assert.DoesNotContain(FindingCodes.StockLow, findings.Codes());
    }

    [Fact]
    public void Inspect_ClaimsUnknownAndAllUsed_ReportsStockOutByUse() =>
        Assert.Contains("all 500 are used",
            Inspect(Coupon() with { ClaimedCount = null, UsedCount = 500 }).Single(FindingCodes.StockOut).Message);

    [Fact]
    public void Inspect_OverClaimed_ReportsStockOut() =>
        Assert.Contains(FindingCodes.StockOut, Inspect(Coupon() with { ClaimedCount = 510 }).Codes());

    [Theory]
    [InlineData(CouponStatus.Upcoming)]
    [InlineData(CouponStatus.Paused)]
    [InlineData(CouponStatus.Ended)]
    [InlineData(CouponStatus.Deactivated)]
    public void Inspect_NotOngoingWithNothingLeft_ReportsNoStock(CouponStatus status)
    {
        var codes = Inspect(Left(0) with { Status = status }).Codes();

        Assert.DoesNotContain(FindingCodes.StockOut, codes);
        Assert.DoesNotContain(FindingCodes.StockLow, codes);
    }

    [Fact]
    public void Inspect_UnlimitedQuantity_ReportsNoStock() =>
        Assert.Empty(Inspect(Coupon() with { TotalQuantity = null, ClaimedCount = 100_000 }));

    [Fact]
    public void Inspect_ExactlyAtLowStockPercent_ReportsStockLow()
    {
        var finding = Inspect(Left(50)).Single(FindingCodes.StockLow);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("Only 50 of 500 left (10%) on 'Payday 10% off'; it runs until Tue 1 Dec 09:00 (Asia/Bangkok).", finding.Message);
    }

    [Fact]
    public void Inspect_OneAboveLowStockPercent_ReportsNothing() => Assert.Empty(Inspect(Left(51)));

    [Fact]
    public void Inspect_ExactlyAtLowStockCount_ReportsStockLow() => Assert.Contains(FindingCodes.StockLow, Inspect(Left(20, total: 100)).Codes());

    [Fact]
    public void Inspect_OneAboveLowStockCount_ReportsNothing() => Assert.Empty(Inspect(Left(21, total: 100)));

    [Fact]
    public void Inspect_FewLeft_WritesTheShareLikeAnOperatorReadsIt() =>
        Assert.StartsWith("Only 3 of 500 left (0.6%)", Inspect(Left(3)).Single(FindingCodes.StockLow).Message);

    [Fact]
    public void Inspect_SmallCouponNobodyClaimedFrom_ReportsNoLowStock() => Assert.Empty(Inspect(Left(10, total: 10)));

    [Fact]
    public void Inspect_CountThresholdOff_UsesPercentOnly()
    {
        var settings = InspectionSettings.Default with { LowStockCount = null };

        Assert.Empty(Inspect(Left(20, total: 100), settings: settings));
        Assert.Contains(FindingCodes.StockLow, Inspect(Left(10, total: 100), settings: settings).Codes());
    }

    [Fact]
    public void Inspect_PercentThresholdOff_UsesCountOnly()
    {
        var settings = InspectionSettings.Default with { LowStockPercent = null };

        Assert.Empty(Inspect(Left(50), settings: settings));
        Assert.Contains(FindingCodes.StockLow, Inspect(Left(20), settings: settings).Codes());
    }

    [Fact]
    public void Inspect_LowStockOnEndedButListedCoupon_ReportsOnlyEndedButActive() =>
        Assert.Equal([FindingCodes.StatusEndedButActive], Inspect(Left(0) with { ValidTo = Now.AddDays(-1) }).Codes());
}
