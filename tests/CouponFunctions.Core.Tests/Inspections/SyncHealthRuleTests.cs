using CouponFunctions.Core.Inspections;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Inspections;

public sealed class SyncHealthRuleTests
{
    private static IReadOnlyList<Finding> InspectWith(StoreSyncHealth health, InspectionSettings? settings = null) =>
        CouponInspector.Default.Inspect(new StoreInspectionInput(Store(), [Coupon()], health, Now), settings ?? InspectionSettings.Default);

    [Fact]
    public void Inspect_LastSuccessOlderThanStaleAge_ReportsOneStoreLevelStaleFinding()
    {
        var findings = InspectWith(new StoreSyncHealth(Now.AddHours(-4), Now.AddMinutes(-10), null, 0));

        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.SyncStale, finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Null(finding.PlatformCouponId);
        Assert.Null(finding.CouponName);
        Assert.Equal("sync.stale|s-bkk", finding.Key);
        Assert.Equal(
            "The coupon list of 'Acme TH' cannot be trusted: the last successful sync was Sat 21 Nov 05:00 (Asia/Bangkok), 4 hours ago, more than the 2 hours allowed.",
            finding.Message);
    }

    [Fact]
    public void Inspect_LastSuccessExactlyAtStaleAge_ReportsNothing() =>
        Assert.Empty(InspectWith(new StoreSyncHealth(Now.AddHours(-2), Now.AddHours(-2), null, 0)));

    [Fact]
    public void Inspect_NeverSynced_ReportsStale() =>
        Assert.Equal("The coupon list of 'Acme TH' cannot be trusted: it has never synced successfully.",
            Assert.Single(InspectWith(StoreSyncHealth.Never)).Message);

    [Fact]
    public void Inspect_FailuresInARow_ReportsFailingOnlyWithTheError()
    {
        var health = new StoreSyncHealth(Now.AddHours(-5), Now.AddMinutes(-2), "Shopee refused the access token (error_auth).", 3);

        var finding = Assert.Single(InspectWith(health));

        Assert.Equal(FindingCodes.SyncFailing, finding.Code);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal(
            "The coupon list of 'Acme TH' cannot be trusted: the last 3 syncs failed (latest error: Shopee refused the access token (error_auth).), " +
            "and the last successful sync was Sat 21 Nov 04:00 (Asia/Bangkok), 5 hours ago.",
            finding.Message);
    }

    [Fact]
    public void Inspect_FewerFailuresThanTheThresholdAndFresh_ReportsNothing() =>
        Assert.Empty(InspectWith(new StoreSyncHealth(Now.AddMinutes(-20), Now.AddMinutes(-1), "timeout", 2)));

    [Fact]
    public void Inspect_VeryLongError_IsShortened()
    {
        var finding = Assert.Single(InspectWith(new StoreSyncHealth(null, Now, new string('x', 1000), 5)));

        Assert.Contains(new string('x', 300) + "…)", finding.Message);
        Assert.DoesNotContain(new string('x', 301), finding.Message);
    }

    [Fact]
    public void Inspect_ConfiguredStaleAge_IsUsed()
    {
        var settings = InspectionSettings.Default with { StaleSyncAge = TimeSpan.FromHours(6) };

        Assert.Empty(InspectWith(new StoreSyncHealth(Now.AddHours(-4), Now, null, 0), settings));
    }
}
