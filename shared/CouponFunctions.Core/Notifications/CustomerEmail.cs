using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Notifications;

/// <summary>
/// One marketing email to one customer. Unlike <see cref="Notification"/> (operators' alerts) it carries the provider's
/// idempotency: <see cref="OperationId"/> is sent as the ACS Operation-Id, so a repeated call is the same operation and
/// delivers once; <see cref="IdempotencyKey"/> makes a repeat a no-op in the outbox. <see cref="Headers"/> go in the ACS
/// <c>headers</c> field (List-Unsubscribe, List-Unsubscribe-Post).
/// </summary>
public sealed record CustomerEmail(
    TenantId TenantId,
    string IdempotencyKey,
    Guid OperationId,
    string To,
    string Subject,
    string Html,
    string PlainText,
    IReadOnlyDictionary<string, string> Headers,
    string? Tag = null);

/// <summary>How the provider answered one email; an expected outcome, never an exception (429 included).</summary>
public sealed record EmailSendOutcome(SmsSendStatus Status, string? MessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static EmailSendOutcome Sent(string messageId) => new(SmsSendStatus.Sent, MessageId: messageId);

    public static EmailSendOutcome Rejected(string error) => new(SmsSendStatus.Rejected, Error: error);

    public static EmailSendOutcome Throttled(TimeSpan retryAfter) => new(SmsSendStatus.Throttled, RetryAfter: retryAfter);
}

/// <summary>An email as recorded in the customer-email outbox.</summary>
public sealed record SentCustomerEmail(string Id, string To, string Subject, string Html, string PlainText,
    IReadOnlyDictionary<string, string> Headers, DateTimeOffset At, string Channel, string MessageId, string? Tag);

/// <summary>Where customer emails go: the local outbox, or ACS Email (recorded in the outbox too).</summary>
public interface ICustomerEmailSink
{
    /// <summary>Sends once: a repeat with the same idempotency key and Operation-Id sends nothing new and answers Sent with the first message id.</summary>
    Task<EmailSendOutcome> SendAsync(CustomerEmail email, CancellationToken cancellationToken = default);
}

/// <summary>A customer-email sink that takes many messages in one call (the local outbox records a wave's emails as one blob).</summary>
public interface ICustomerEmailBatchSink
{
    /// <summary>Sends the emails once, as batch <paramref name="batchId"/>: a repeat of the batch (after a crash) with the same id
    /// sends nothing new and answers each email's first message id. One outcome per email, in order.</summary>
    Task<IReadOnlyList<EmailSendOutcome>> SendBatchAsync(TenantId tenantId, string batchId, IReadOnlyList<CustomerEmail> emails, CancellationToken cancellationToken = default);
}

/// <summary>Reads recorded customer emails of a tenant, newest first.</summary>
public interface ICustomerEmailOutbox
{
    Task<IReadOnlyList<SentCustomerEmail>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default);
}
