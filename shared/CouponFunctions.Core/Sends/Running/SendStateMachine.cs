using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>
/// A send's life: Scheduled → Running → Done | Failed, or Scheduled → Cancelled. Each transition is safe to repeat (an
/// orchestration replays, an activity is retried): asking for the state a send is already in returns it unchanged; any other
/// move from a finished or wrong state is a Conflict that says why.
/// </summary>
public static class SendStateMachine
{
    /// <summary>Cancellation closes this long before the scheduled time (SHOPLINE: not within 2 hours of the send).</summary>
    public static TimeSpan CancelCutoff { get; } = TimeSpan.FromHours(2);

    public static Result<SegmentSend> Start(SegmentSend send, DateTimeOffset now) => send.Status switch
    {
        SendStatus.Scheduled when now < send.ScheduledAt => Result<SegmentSend>.Conflict($"The send is scheduled for {send.ScheduledAt:O}; it cannot start before then."),
        SendStatus.Scheduled => Result<SegmentSend>.Ok(send with { Status = SendStatus.Running, StartedAt = now }),
        SendStatus.Running => Result<SegmentSend>.Ok(send),
        SendStatus.Cancelled => Result<SegmentSend>.Conflict("The send was cancelled."),
        _ => Result<SegmentSend>.Conflict($"The send is already over ({send.Status})."),
    };

    /// <summary>Done when at least one message was sent, Failed when none was; the counts are the final ones.</summary>
    public static Result<SegmentSend> Complete(SegmentSend send, SendCounts counts, DateTimeOffset now) => send.Status switch
    {
        SendStatus.Running => Result<SegmentSend>.Ok(send with { Status = counts.Sent > 0 ? SendStatus.Done : SendStatus.Failed, Counts = counts, FinishedAt = now }),
        SendStatus.Done or SendStatus.Failed => Result<SegmentSend>.Ok(send),
        SendStatus.Cancelled => Result<SegmentSend>.Conflict("The send was cancelled."),
        _ => Result<SegmentSend>.Conflict("The send has not started."),
    };

    /// <summary>Progress while running (the orchestration's custom status mirrors it).</summary>
    public static Result<SegmentSend> Progress(SegmentSend send, SendCounts counts) => send.Status == SendStatus.Running
        ? Result<SegmentSend>.Ok(send with { Counts = counts })
        : Result<SegmentSend>.Conflict($"The send is {send.Status}, not running.");

    /// <summary>Cancels a send that has not started, at least 2 hours before its time (exactly 2 hours before is still allowed).</summary>
    public static Result<SegmentSend> Cancel(SegmentSend send, DateTimeOffset now, TimeZoneInfo storeZone) => send.Status switch
    {
        SendStatus.Cancelled => Result<SegmentSend>.Ok(send),
        SendStatus.Running => Result<SegmentSend>.Conflict("The send has started; a running send cannot be cancelled."),
        SendStatus.Done or SendStatus.Failed => Result<SegmentSend>.Conflict($"The send is already over ({send.Status})."),
        _ when now > send.ScheduledAt - CancelCutoff => Result<SegmentSend>.Conflict(
            $"A send can be cancelled until 2 hours before its time: this one goes out at {SendSchedule.Local(send.ScheduledAt, storeZone)}, " +
            $"so cancelling closed at {SendSchedule.Local(send.ScheduledAt - CancelCutoff, storeZone)}."),
        _ => Result<SegmentSend>.Ok(send with { Status = SendStatus.Cancelled, CancelledAt = now }),
    };
}
