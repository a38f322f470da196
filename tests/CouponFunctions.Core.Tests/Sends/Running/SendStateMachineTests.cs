using CouponFunctions.Core.Common;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Running;

public sealed class SendStateMachineTests
{
    private static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    [Fact]
    public void Start_ScheduledAtItsTime_IsRunning()
    {
        var started = SendStateMachine.Start(Send(), SendAt);

        Assert.Equal(SendStatus.Running, started.Value!.Status);
        Assert.Equal(SendAt, started.Value.StartedAt);
    }

    [Fact]
    public void Start_BeforeItsTime_IsAConflict()
    {
        Assert.Equal(OutcomeKind.Conflict, SendStateMachine.Start(Send(), SendAt.AddTicks(-1)).Kind);
    }

    [Fact]
    public void Start_RunningAgain_ReturnsItUnchanged()
    {
        var running = Send(SendStatus.Running) with { StartedAt = SendAt };

        Assert.Same(running, SendStateMachine.Start(running, SendAt.AddMinutes(5)).Value);
    }

    [Theory]
    [InlineData(SendStatus.Cancelled, "cancelled")]
    [InlineData(SendStatus.Done, "already over")]
    [InlineData(SendStatus.Failed, "already over")]
    public void Start_FinishedSend_IsAConflictSayingWhy(SendStatus status, string why)
    {
        var result = SendStateMachine.Start(Send(status), SendAt);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Contains(why, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_SomethingSent_IsDoneWithBothCounts()
    {
        var done = SendStateMachine.Complete(Send(SendStatus.Running), new SendCounts(10, 1, 9), SendAt.AddHours(1)).Value!;

        Assert.Equal(SendStatus.Done, done.Status);
        Assert.Equal(new SendCounts(10, 1, 9), done.Counts);
        Assert.Equal(SendAt.AddHours(1), done.FinishedAt);
    }

    [Fact]
    public void Complete_NothingSent_IsFailed()
    {
        Assert.Equal(SendStatus.Failed, SendStateMachine.Complete(Send(SendStatus.Running), new SendCounts(10, 0, 10), SendAt).Value!.Status);
    }

    [Fact]
    public void Complete_AlreadyDone_KeepsTheFirstOutcome()
    {
        var done = SendStateMachine.Complete(Send(SendStatus.Running), new SendCounts(2, 2, 0), SendAt).Value!;

        Assert.Same(done, SendStateMachine.Complete(done, new SendCounts(2, 0, 2), SendAt.AddHours(1)).Value);
    }

    [Theory]
    [InlineData(SendStatus.Scheduled)]
    [InlineData(SendStatus.Cancelled)]
    public void Complete_NotRunning_IsAConflict(SendStatus status)
    {
        Assert.Equal(OutcomeKind.Conflict, SendStateMachine.Complete(Send(status), SendCounts.Zero, SendAt).Kind);
    }

    [Fact]
    public void Progress_Running_UpdatesCountsAndOtherwiseConflicts()
    {
        Assert.Equal(new SendCounts(5, 2, 1), SendStateMachine.Progress(Send(SendStatus.Running), new SendCounts(5, 2, 1)).Value!.Counts);
        Assert.Equal(OutcomeKind.Conflict, SendStateMachine.Progress(Send(), SendCounts.Zero).Kind);
    }

    [Fact]
    public void Cancel_ExactlyTwoHoursBefore_IsAllowed()
    {
        var cancelled = SendStateMachine.Cancel(Send(), SendAt.AddHours(-2), Bangkok).Value!;

        Assert.Equal(SendStatus.Cancelled, cancelled.Status);
        Assert.Equal(SendAt.AddHours(-2), cancelled.CancelledAt);
    }

    [Fact]
    public void Cancel_LessThanTwoHoursBefore_IsAConflictWithTheLocalTimes()
    {
        var result = SendStateMachine.Cancel(Send(), SendAt.AddHours(-2).AddTicks(1), Bangkok);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Contains("goes out at 2026-11-21 12:00 (UTC+07:00), so cancelling closed at 2026-11-21 10:00 (UTC+07:00)", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SendStatus.Running, "has started")]
    [InlineData(SendStatus.Done, "already over")]
    [InlineData(SendStatus.Failed, "already over")]
    public void Cancel_StartedOrFinished_IsAConflictSayingWhy(SendStatus status, string why)
    {
        var result = SendStateMachine.Cancel(Send(status), Now, Bangkok);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.Contains(why, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_AlreadyCancelled_ReturnsItUnchanged()
    {
        var cancelled = Send(SendStatus.Cancelled);

        Assert.Same(cancelled, SendStateMachine.Cancel(cancelled, Now, Bangkok).Value);
    }
}
