namespace CouponFunctions.Core.Sends.Running;

/// <summary>What an activity does for one message, given the outcome row it found.</summary>
public enum DeliveryAction
{
    /// <summary>No row: write the Attempted row first, then call the provider.</summary>
    SendFirst,

    /// <summary>An Attempted row from a crashed or unanswered try: call the provider again with the same idempotency values
    /// (the provider recognises the repeat and does not deliver twice).</summary>
    Resend,

    /// <summary>Sent or Failed already: nothing to do.</summary>
    Skip,
}

/// <summary>The attempt-before-call rule that makes a retried activity safe.</summary>
public static class DeliveryDecision
{
    /// <summary>How long after the first attempt a repeat is still sent with the same repeatability values. ACS keeps SMS
    /// repeatability for a limited time; past it a repeat could deliver again, so the message is marked a system error instead.</summary>
    public static TimeSpan RepeatWindow { get; } = TimeSpan.FromHours(1);

    public static DeliveryAction Decide(RecipientOutcome? existing, DateTimeOffset now) => existing?.State switch
    {
        null => DeliveryAction.SendFirst,
        DeliveryState.Attempted when now - existing.FirstAttemptAt <= RepeatWindow => DeliveryAction.Resend,
        DeliveryState.Attempted => DeliveryAction.Skip,
        _ => DeliveryAction.Skip,
    };

    /// <summary>The final row for an Attempted row whose repeat window closed without an answer: not sent twice, reported as a system error.</summary>
    public static RecipientOutcome? Abandon(RecipientOutcome? existing, DateTimeOffset now) =>
        existing is { State: DeliveryState.Attempted } && now - existing.FirstAttemptAt > RepeatWindow
            ? existing.AsFailed(FailureReason.SystemError, "No answer from the provider within the repeat window; not sent again to avoid a duplicate.")
            : null;
}
