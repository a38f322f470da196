using CouponFunctions.Core.Attention;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Attention;

public sealed class AttentionBuilderTests
{
    private static readonly Store Healthy = Store(id: "s-ok", name: "Healthy");
    private static readonly Store Refused = Store(id: "s-auth", name: "Refused") with { Status = StoreStatus.NeedsReauthorization, StatusReason = "Token refused." };
    private static readonly Store Failing = Store(id: "s-fail", name: "Failing");

    [Fact]
    public void Build_EveryKind_OrdersWorstFirst()
    {
        var input = Input(
            stores: [Healthy, Refused, Failing],
            states: [FailedSync(Failing, 3)],
            runs: [Run(Healthy, Critical("v-1"))],
            coupons: [Row(Healthy, "v-end", Now.AddHours(3))],
            jobs: [FailedJob(Now.AddHours(-2))]);

        var list = AttentionBuilder.Build(input, Now);

        Assert.Equal(
            [AttentionKind.StoreNeedsReauthorization, AttentionKind.StoreSyncFailing, AttentionKind.CriticalFinding, AttentionKind.JobFailed, AttentionKind.CouponEndingToday],
            list.Items.Select(i => i.Kind));
        Assert.Contains("last 3 syncs failed", list.Items[1].Detail);
        Assert.Equal("#/stores?store=s-auth", list.Items[0].Link);
        Assert.Equal($"#/jobs/{input.Jobs[0].Id.Value}", list.Items[3].Link);
    }

    [Fact]
    public void Build_NeedsReauthorizationAndFailedSync_ListsTheStoreOnce()
    {
        var list = AttentionBuilder.Build(Input(stores: [Refused], states: [FailedSync(Refused, 1)]), Now);

        Assert.Equal(AttentionKind.StoreNeedsReauthorization, Assert.Single(list.Items).Kind);
    }

    [Fact]
    public void Build_DisabledStore_IsLeftOut()
    {
        var disabled = Failing with { Status = StoreStatus.Disabled };

        var list = AttentionBuilder.Build(Input(stores: [disabled], states: [FailedSync(disabled, 2)], runs: [Run(disabled, Critical("v-1"))]), Now);

        Assert.Empty(list.Items);
    }

    [Fact]
    public void Build_WarningsAndResolvedCriticals_AreNotListed()
    {
        var warning = Tracked(MakeFinding(FindingCodes.StockLow, "v-2"), FindingState.Ongoing);
        var resolved = Tracked(MakeFinding(FindingCodes.StockOut, "v-3", FindingSeverity.Critical), FindingState.Resolved);

        var list = AttentionBuilder.Build(Input(stores: [Healthy], runs: [Run(Healthy, warning, resolved)]), Now);

        Assert.Empty(list.Items);
    }

    [Fact]
    public void Build_AcknowledgedUnchangedFinding_IsHiddenAndCounted()
    {
        var finding = Critical("v-1");

        var list = AttentionBuilder.Build(Input(stores: [Healthy], runs: [Run(Healthy, finding)], acks: [Ack(finding)]), Now);

        Assert.Empty(list.Items);
        Assert.Equal(1, list.AcknowledgedFindings);
    }

    [Fact]
    public void Build_AcknowledgedFindingThatCameBack_IsShownAgain()
    {
        var before = Critical("v-1");
        var back = before with { FirstSeenAt = Now.AddHours(-1) };

        var list = AttentionBuilder.Build(Input(stores: [Healthy], runs: [Run(Healthy, back)], acks: [Ack(before)]), Now);

        Assert.Equal(before.Key, Assert.Single(list.Items).Key);
    }

    [Fact]
    public void Build_AcknowledgedWarningThatTurnedCritical_IsShownAgain()
    {
        var warning = Tracked(MakeFinding(FindingCodes.StockLow, "v-1"), FindingState.Ongoing);
        var critical = Tracked(warning.Finding with { Severity = FindingSeverity.Critical }, FindingState.Ongoing);

        var list = AttentionBuilder.Build(Input(stores: [Healthy], runs: [Run(Healthy, critical)], acks: [Ack(warning)]), Now);

        Assert.Single(list.Items);
    }

    [Fact]
    public void Build_SnoozeOver_ShowsTheFindingAgain()
    {
        var finding = Critical("v-1");
        var ack = Ack(finding) with { SnoozedUntil = Now.AddHours(1) };

        var during = AttentionBuilder.Build(Input(stores: [Healthy], runs: [Run(Healthy, finding)], acks: [ack]), Now);
        var after = AttentionBuilder.Build(Input(stores: [Healthy], runs: [Run(Healthy, finding)], acks: [ack]), Now.AddHours(1));

        Assert.Empty(during.Items);
        Assert.Single(after.Items);
    }

    [Fact]
    public void Build_CouponEndingAfterLocalMidnight_IsNotToday()
    {
        // Now is 09:00 in Bangkok; 23:30 local ends today, 00:30 tomorrow local does not, nor one already ended.
        var today = Row(Healthy, "v-today", Local("Asia/Bangkok", 2026, 11, 21, 23, 30));
        var tomorrow = Row(Healthy, "v-tomorrow", Local("Asia/Bangkok", 2026, 11, 22, 0, 30));
        var ended = Row(Healthy, "v-ended", Now.AddMinutes(-1));

        var list = AttentionBuilder.Build(Input(stores: [Healthy], coupons: [today, tomorrow, ended]), Now);

        Assert.Equal("ending|s-ok|v-today", Assert.Single(list.Items).Key);
        Assert.Contains("23:30", list.Items[0].Detail);
    }

    [Fact]
    public void Build_JobThatFailedLongAgo_IsLeftOut()
    {
        var list = AttentionBuilder.Build(Input(stores: [Healthy], jobs: [FailedJob(Now - AttentionBuilder.RecentWork - TimeSpan.FromMinutes(1))]), Now);

        Assert.Empty(list.Items);
    }

    private static AttentionInput Input(
        IReadOnlyList<Store>? stores = null, IReadOnlyList<SyncState>? states = null, IReadOnlyList<StoreInspectionRun>? runs = null,
        IReadOnlyList<FindingAcknowledgement>? acks = null, IReadOnlyList<CouponListRow>? coupons = null, IReadOnlyList<Job>? jobs = null) =>
        new(stores ?? [], states ?? [], runs ?? [], acks ?? [], coupons ?? [], jobs ?? [], []);

    private static SyncState FailedSync(Store store, int failures) => new(
        Tenant, store.Id, null, null, Now.AddMinutes(-10), Now.AddHours(-5), SyncRunStatus.Failed,
        new SyncFailure("platform", "The platform answered 500.", null, 500, null, null), failures, 10, null);

    private static TrackedFinding Tracked(Finding finding, FindingState state) => new(finding, state, Now.AddDays(-1), Now);

    private static TrackedFinding Critical(string couponId) =>
        Tracked(MakeFinding(FindingCodes.StockOut, couponId, FindingSeverity.Critical, store: "s-ok"), FindingState.Ongoing);

    private static StoreInspectionRun Run(Store store, params TrackedFinding[] findings) => new(Tenant, store.Id, "2026-11-21T09:00", Now, findings);

    private static FindingAcknowledgement Ack(TrackedFinding finding) => new(
        Tenant, finding.Finding.StoreId, finding.Key, FindingAcknowledgement.FingerprintOf(finding), "k-1", "Ops lead", Now.AddMinutes(-30), null);

    private static CouponListRow Row(Store store, string id, DateTimeOffset validTo) =>
        CouponListRow.From(store, Coupon(id) with { ValidTo = validTo }, Now.AddDays(-1));

    private static Job FailedJob(DateTimeOffset finishedAt) => new()
    {
        TenantId = Tenant,
        Id = JobId.New(),
        Type = JobType.BulkAction,
        Title = "Renew 20 coupons by 7 days",
        StartedBy = new JobStarter("Ops lead", "k-1"),
        CreatedAt = finishedAt.AddMinutes(-5),
        FinishedAt = finishedAt,
        Counts = new JobCounts(20, 0, 0, 17, 3, 0, 0),
    };
}
