using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Notifications;

/// <summary>
/// One text message to one customer. <see cref="IdempotencyKey"/> (e.g. <c>DeliveryKeys.Of(send, customer, Sms)</c>) makes a
/// repeated send a no-op in the outbox; <see cref="RepeatabilityRequestId"/> and <see cref="RepeatabilityFirstSent"/> (the
/// first attempt's time, RFC 1123) make a repeated send a no-op at ACS.
/// </summary>
public sealed record SmsMessage(
    TenantId TenantId,
    string IdempotencyKey,
    string To,
    string Text,
    Guid RepeatabilityRequestId,
    string RepeatabilityFirstSent,
    string? Tag = null);

/// <summary>How the provider answered one SMS.</summary>
public enum SmsSendStatus
{
    /// <summary>Accepted for delivery (or recognised as a repeat of an accepted one): <see cref="SmsSendResult.MessageId"/> is set.</summary>
    Sent,

    /// <summary>The provider refused this message (bad number, blocked, repeat outside its window); <see cref="SmsSendResult.Error"/> says why.</summary>
    Rejected,

    /// <summary>Over the provider's rate: nothing was sent; try again after <see cref="SmsSendResult.RetryAfter"/>.</summary>
    Throttled,
}

/// <summary>The answer for one SMS: an expected outcome, never an exception (429 included).</summary>
public sealed record SmsSendResult(SmsSendStatus Status, string? MessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SmsSendResult Sent(string messageId) => new(SmsSendStatus.Sent, MessageId: messageId);

    public static SmsSendResult Rejected(string error) => new(SmsSendStatus.Rejected, Error: error);

    public static SmsSendResult Throttled(TimeSpan retryAfter) => new(SmsSendStatus.Throttled, RetryAfter: retryAfter);
}

/// <summary>An SMS as it was recorded (the outbox the admin page shows).</summary>
public sealed record SentSms(string Id, string To, string Text, DateTimeOffset At, string Channel, string MessageId, string? Tag);

/// <summary>Where customer SMS go: the local outbox, or Azure Communication Services SMS (recorded in the outbox too).</summary>
public interface ISmsSink
{
    /// <summary>Sends the message once: a repeat with the same idempotency key (and repeatability values) sends nothing new and
    /// answers Sent with the first message id.</summary>
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Reads the SMS recorded for a tenant, newest first.</summary>
public interface ISmsOutbox
{
    Task<IReadOnlyList<SentSms>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default);

    Task<SentSms?> GetAsync(TenantId tenantId, string idempotencyKey, CancellationToken cancellationToken = default);
}
