using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Reports;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>Why a message was not sent.</summary>
public enum FailureReason
{
    /// <summary>The coupon was deleted, unpublished (deactivated, paused) or expired by the time of sending.</summary>
    InvalidCoupon,

    /// <summary>The coupon changed so that it no longer fits the send (its kind, its code, its claim window).</summary>
    CouponInapplicable,

    /// <summary>The coupon's remaining quantity was used up by earlier recipients of the send.</summary>
    InsufficientQuantity,

    /// <summary>No email or mobile for the channel, or no consent, or opted out, at the time of sending.</summary>
    NoContactOrOptedOut,

    /// <summary>The provider refused the message (its message is kept).</summary>
    ProviderRejected,

    /// <summary>Something failed on our side (retries exhausted); the detail is kept for operators.</summary>
    SystemError,
}

/// <summary>Where one message of a send stands.</summary>
public enum DeliveryState
{
    /// <summary>The attempt is recorded and the provider is being called (or was, without an answer we kept).</summary>
    Attempted,
    Sent,
    Failed,
}

/// <summary>
/// The outcome row of one message, keyed by (send, customer, channel): written as Attempted before the provider is called,
/// then Sent (with the provider's message id) or Failed (with a reason). The first attempt's time is kept for the provider's
/// repeatability headers; <see cref="Batch"/> names the sink batch the message was handed to (a sink that records messages in
/// batches finds a repeat there), null when it went alone.
/// </summary>
public sealed record RecipientOutcome(
    SendId SendId,
    CustomerId CustomerId,
    ContactChannel Channel,
    DeliveryState State,
    DateTimeOffset FirstAttemptAt,
    string? To,
    string? ProviderMessageId = null,
    FailureReason? Reason = null,
    string? Detail = null,
    string? Batch = null)
{
    public static RecipientOutcome Attempt(SendId send, CustomerId customer, ContactChannel channel, string to, DateTimeOffset now) =>
        new(send, customer, channel, DeliveryState.Attempted, now, to);

    public static RecipientOutcome Skipped(SendId send, CustomerId customer, ContactChannel channel, string? to, FailureReason reason, DateTimeOffset now, string? detail = null) =>
        new(send, customer, channel, DeliveryState.Failed, now, to, Reason: reason, Detail: detail);

    public RecipientOutcome AsSent(string providerMessageId) => this with { State = DeliveryState.Sent, ProviderMessageId = providerMessageId, Reason = null, Detail = null };

    public RecipientOutcome AsFailed(FailureReason reason, string? detail) => this with { State = DeliveryState.Failed, Reason = reason, Detail = detail };

    /// <summary>The failure-report line (email or mobile filled in by the channel that failed).</summary>
    public FailureReportRow ToReportRow() => new(
        CustomerId.Value,
        Channel == ContactChannel.Email ? To : null,
        Channel == ContactChannel.Sms ? To : null,
        FailureReasons.Describe(Channel, Reason ?? FailureReason.SystemError, Detail));
}

/// <summary>Wire names and report wording of the failure reasons.</summary>
public static class FailureReasons
{
    public static string Wire(FailureReason reason) => reason switch
    {
        FailureReason.InvalidCoupon => "invalidCoupon",
        FailureReason.CouponInapplicable => "couponInapplicable",
        FailureReason.InsufficientQuantity => "insufficientQuantity",
        FailureReason.NoContactOrOptedOut => "noContactOrOptedOut",
        FailureReason.ProviderRejected => "providerRejected",
        FailureReason.SystemError => "systemError",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>"email: provider rejected (Recipient address rejected)". System-error details stay with operators (they may name our internals).</summary>
    public static string Describe(ContactChannel channel, FailureReason reason, string? detail)
    {
        var words = reason switch
        {
            FailureReason.InvalidCoupon => "invalid coupon",
            FailureReason.CouponInapplicable => "coupon inapplicable",
            FailureReason.InsufficientQuantity => "insufficient coupon quantity",
            FailureReason.NoContactOrOptedOut => "no contact or opted out",
            FailureReason.ProviderRejected => "provider rejected",
            _ => "system error",
        };
        var text = $"{(channel == ContactChannel.Email ? "email" : "sms")}: {words}";
        return reason != FailureReason.SystemError && !string.IsNullOrWhiteSpace(detail) ? $"{text} ({detail.Trim()})" : text;
    }
}
