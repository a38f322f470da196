using CouponFunctions.Core.Common;
using CouponFunctions.Core.Jobs;
using static CouponFunctions.Core.Tests.Jobs.JobTestData;

namespace CouponFunctions.Core.Tests.Jobs;

public sealed class JobStatusRulesTests
{
    public static TheoryData<JobCounts, bool, JobStatus> Cases => new()
    {
        { Counts(pending: 1, succeeded: 2), false, JobStatus.Running },
        { Counts(started: 1, failed: 2), true, JobStatus.Running },
        { Counts(succeeded: 3), false, JobStatus.Completed },
        { Counts(succeeded: 2, skipped: 1), false, JobStatus.Completed },
        { Counts(skipped: 2), false, JobStatus.Completed },
        { Counts(), false, JobStatus.Completed },
        { Counts(succeeded: 2, failed: 1), false, JobStatus.CompletedWithFailures },
        { Counts(failed: 3), false, JobStatus.Failed },
        { Counts(failed: 1, skipped: 2), false, JobStatus.Failed },
        { Counts(succeeded: 1, cancelled: 2), true, JobStatus.Cancelled },
        { Counts(succeeded: 1, failed: 1), true, JobStatus.CompletedWithFailures },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derive_Counts_Status(JobCounts counts, bool cancelRequested, JobStatus expected) =>
        Assert.Equal(expected, JobStatusRules.Derive(counts, cancelRequested));

    [Fact]
    public void Of_States_CountsEachAndProgress()
    {
        var counts = JobCounts.Of([JobItemState.Pending, JobItemState.Started, JobItemState.Succeeded, JobItemState.Failed, JobItemState.Skipped, JobItemState.Cancelled, JobItemState.Succeeded]);

        Assert.Equal(new JobCounts(7, 1, 1, 2, 1, 1, 1), counts);
        Assert.Equal((5, 71), (counts.Finished, counts.ProgressPercent));
        Assert.Equal(100, JobCounts.Empty.ProgressPercent);
    }

    [Fact]
    public void Request_RunningJob_MarksCancel()
    {
        var result = JobCancellation.Request(Job(Counts(pending: 2, succeeded: 1)));

        Assert.True(result.IsOk);
        Assert.True(result.Value.CancelRequested);
    }

    [Fact]
    public void Request_Twice_StillOk() => Assert.True(JobCancellation.Request(Job(Counts(pending: 2), cancelRequested: true)).IsOk);

    [Fact]
    public void Request_FinishedJob_Conflict()
    {
        var result = JobCancellation.Request(Job(Counts(succeeded: 3)));

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Contains("Completed", result.Message);
    }

    [Fact]
    public void Cancel_PendingItem_Cancelled()
    {
        var item = Item().Cancel(Now);

        Assert.Equal((JobItemState.Cancelled, ItemReasons.Cancelled, Now), (item.State, item.Outcome!.ReasonCode, item.FinishedAt!.Value));
    }

    [Theory]
    [InlineData(JobItemState.Started)]
    [InlineData(JobItemState.Succeeded)]
    [InlineData(JobItemState.Failed)]
    public void Cancel_StartedOrFinishedItem_Unchanged(JobItemState state)
    {
        var item = Item(state);

        Assert.Same(item, item.Cancel(Now));
    }

    [Theory]
    [InlineData(JobItemState.Pending, false, true)]
    [InlineData(JobItemState.Pending, true, false)]
    [InlineData(JobItemState.Started, false, false)]
    public void ShouldStart_StateAndCancel_OnlyPendingUncancelled(JobItemState state, bool cancelRequested, bool expected) =>
        Assert.Equal(expected, JobCancellation.ShouldStart(Item(state), cancelRequested));

    [Fact]
    public void Finish_CreatedCoupon_RecordsItsId()
    {
        var item = Item(JobItemState.Started, coupon: null).Finish(ItemOutcome.Created("v-77", adopted: true), Now);

        Assert.Equal((JobItemState.Succeeded, "v-77", true), (item.State, item.PlatformCouponId, item.Outcome!.Adopted));
        Assert.Equal("s-shop1", Item(coupon: null).Key);
        Assert.Equal("s-shop1|v-1", Item().Key);
    }

    [Fact]
    public void ExpiresAt_SevenDaysAfterFinish_GoneFromThen()
    {
        var expires = ReportExpiry.ExpiresAt(Now);

        Assert.Equal(Now.AddDays(7), expires);
        Assert.Equal(ReportAvailability.Available, ReportExpiry.Check(expires, expires.AddTicks(-1)));
        Assert.Equal(ReportAvailability.Expired, ReportExpiry.Check(expires, expires));
    }
}
