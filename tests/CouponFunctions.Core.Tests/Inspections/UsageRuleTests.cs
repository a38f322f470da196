using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class UsageRuleTests
{
    /// <summary>Running five days with 1,000 in all.</summary>
    private static Coupon Counts(int? claimed, int? used, int? total = 1000) =>
        Coupon() with { TotalQuantity = total, ClaimedCount = claimed, UsedCount = used, ValidFrom = Now.AddDays(-5) };

    [Fact]
    public void Inspect_FewClaimsMostlyUsed_ReportsLowClaimsHighUsage()
    {
        var finding = Inspect(Counts(40, 30)).Single(FindingCodes.UsageLowClaimsHighUsage);

        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal(
            "Only 40 of 1,000 claimed (4%) on 'Payday 10% off' after 5 days, but 30 of those were used (75%): buyers like the discount but few see it.",
            finding.Message);
    }

    [Fact]
    public void Inspect_ManyClaimsRarelyUsed_ReportsHighClaimsLowUsage()
    {
        var finding = Inspect(Counts(600, 30)).Single(FindingCodes.UsageHighClaimsLowUsage);

        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.StartsWith("600 of 1,000 claimed (60%) on 'Payday 10% off' after 5 days, but only 30 used (5%)", finding.Message);
    }

    [Fact]
    public void Inspect_AtBothHighClaimBoundaries_Reports() =>
        Assert.Contains(FindingCodes.UsageHighClaimsLowUsage, Inspect(Counts(500, 50)).Codes());

    [Fact]
    public void Inspect_JustPastTheLowUsageBoundary_ReportsNothing() => Assert.Empty(Inspect(Counts(500, 51)));

    [Fact]
    public void Inspect_AtBothLowClaimBoundaries_Reports() =>
        Assert.Contains(FindingCodes.UsageLowClaimsHighUsage, Inspect(Counts(200, 100)).Codes());

    [Fact]
    public void Inspect_JustPastTheLowClaimBoundary_ReportsNothing() => Assert.Empty(Inspect(Counts(201, 150)));

    [Fact]
    public void Inspect_TooFewClaimsToJudge_ReportsNothing() => Assert.Empty(Inspect(Counts(29, 29)));

    [Fact]
    public void Inspect_RunningLessThanTheMinimumTime_ReportsNothing() =>
        Assert.Empty(Inspect(Counts(40, 30) with { ValidFrom = Now.AddDays(-2).AddSeconds(1) }));

    [Theory]
    [InlineData(null, 30)]
    [InlineData(40, null)]
    public void Inspect_PlatformWithoutBothCounts_ReportsNothing(int? claimed, int? used) => Assert.Empty(Inspect(Counts(claimed, used)));

    [Fact]
    public void Inspect_NoTotalQuantity_ReportsNothing() => Assert.Empty(Inspect(Counts(40, 30, total: null)));

    [Theory]
    [InlineData(CouponStatus.Paused)]
    [InlineData(CouponStatus.Ended)]
    public void Inspect_NotRunning_ReportsNoUsageHint(CouponStatus status)
    {
        var codes = Inspect(Counts(40, 30) with { Status = status }).Codes();

        Assert.DoesNotContain(FindingCodes.UsageLowClaimsHighUsage, codes);
    }

    [Fact]
    public void Inspect_ConfiguredThresholds_AreUsed()
    {
        var settings = InspectionSettings.Default with { UsageMinClaims = 10, HighRedemptionPercent = 90m };

        Assert.Empty(Inspect(Counts(40, 30), settings: settings));
        Assert.Contains(FindingCodes.UsageLowClaimsHighUsage, Inspect(Counts(10, 9), settings: settings).Codes());
    }
}
