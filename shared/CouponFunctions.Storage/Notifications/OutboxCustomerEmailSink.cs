using Azure.Storage.Blobs;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// The local customer-email sink and its sent-log (<see cref="OutboxRecordLog{T}"/> under "outbox/_email/"): a repeated
/// send records (and sends) nothing and answers with the first message id.
/// </summary>
internal sealed class OutboxCustomerEmailSink(BlobServiceClient blobs, TimeProvider time) : ICustomerEmailSink, ICustomerEmailOutbox
{
    private readonly OutboxRecordLog<SentCustomerEmail> _log = new(blobs, "_email/", "email", r => r.At);

    public async Task<EmailSendOutcome> SendAsync(CustomerEmail email, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordAsync(email, "outbox", $"outbox-{email.OperationId:N}", cancellationToken);
        return EmailSendOutcome.Sent(recorded.MessageId);
    }

    /// <summary>Writes the record unless one exists for the key; either way the record that stands.</summary>
    public Task<SentCustomerEmail> RecordAsync(CustomerEmail email, string channel, string messageId, CancellationToken cancellationToken)
    {
        var id = Keys.Escape(email.IdempotencyKey);
        var record = new SentCustomerEmail(id, email.To, email.Subject, email.Html, email.PlainText, email.Headers, time.GetUtcNow(), channel, messageId, email.Tag);
        return _log.RecordAsync(email.TenantId, id, record, cancellationToken);
    }

    public Task<SentCustomerEmail?> GetAsync(TenantId tenantId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        _log.GetAsync(tenantId, Keys.Escape(idempotencyKey), cancellationToken);

    public Task<IReadOnlyList<SentCustomerEmail>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default) =>
        _log.ListAsync(tenantId, max, cancellationToken);
}
