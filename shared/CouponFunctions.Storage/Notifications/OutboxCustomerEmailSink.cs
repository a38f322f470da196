using Azure.Storage.Blobs;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// The local customer-email sink and its sent-log (<see cref="OutboxRecordLog{T}"/>): one email alone is one record under
/// "outbox/_email/"; a wave's emails are one record of the whole batch under "outbox/_emails/" (one blob write for up to a
/// hundred messages, where a blob each made the local storage the bottleneck of a large send). Either way a repeat (same key,
/// or same batch id) records and sends nothing and answers with the first message id.
/// </summary>
internal sealed class OutboxCustomerEmailSink(BlobServiceClient blobs, TimeProvider time) : ICustomerEmailSink, ICustomerEmailBatchSink, ICustomerEmailOutbox
{
    private readonly OutboxRecordLog<SentCustomerEmail> _log = new(blobs, "_email/", "email", r => r.At);
    private readonly OutboxRecordLog<List<SentCustomerEmail>> _batches = new(blobs, "_emails/", "email batch", r => r.Count == 0 ? DateTimeOffset.MinValue : r.Max(e => e.At));

    public async Task<EmailSendOutcome> SendAsync(CustomerEmail email, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordAsync(email, "outbox", $"outbox-{email.OperationId:N}", cancellationToken);
        return EmailSendOutcome.Sent(recorded.MessageId);
    }

    public async Task<IReadOnlyList<EmailSendOutcome>> SendBatchAsync(TenantId tenantId, string batchId, IReadOnlyList<CustomerEmail> emails, CancellationToken cancellationToken = default)
    {
        if (emails.Any(e => e.TenantId != tenantId)) throw new ArgumentException($"Every email of a batch must be tenant {tenantId}'s.", nameof(emails));
        var at = time.GetUtcNow();
        var records = emails.Select(e => Record(e, "outbox", $"outbox-{e.OperationId:N}", at)).ToList();
        var stored = (await _batches.RecordAsync(tenantId, Keys.Escape(batchId), records, cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var outcomes = new List<EmailSendOutcome>(emails.Count);
        for (var i = 0; i < emails.Count; i++)
        {
            // A repeat of the batch with a message the first did not hold (not something the send does) is recorded alone.
            var first = stored.TryGetValue(records[i].Id, out var found) ? found : await RecordAsync(emails[i], "outbox", records[i].MessageId, cancellationToken);
            outcomes.Add(EmailSendOutcome.Sent(first.MessageId));
        }

        return outcomes;
    }

    /// <summary>Writes the record unless one exists for the key; either way the record that stands.</summary>
    public Task<SentCustomerEmail> RecordAsync(CustomerEmail email, string channel, string messageId, CancellationToken cancellationToken) =>
        _log.RecordAsync(email.TenantId, Keys.Escape(email.IdempotencyKey), Record(email, channel, messageId, time.GetUtcNow()), cancellationToken);

    public Task<SentCustomerEmail?> GetAsync(TenantId tenantId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        _log.GetAsync(tenantId, Keys.Escape(idempotencyKey), cancellationToken);

    /// <summary>The newest <paramref name="max"/> emails, whether recorded alone or in batches.</summary>
    public async Task<IReadOnlyList<SentCustomerEmail>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default)
    {
        var alone = await _log.ListAsync(tenantId, max, cancellationToken);
        var batches = await _batches.ListAsync(tenantId, max, cancellationToken);
        return alone.Concat(batches.SelectMany(b => b)).OrderByDescending(e => e.At).Take(max).ToList();
    }

    private static SentCustomerEmail Record(CustomerEmail email, string channel, string messageId, DateTimeOffset at) =>
        new(Keys.Escape(email.IdempotencyKey), email.To, email.Subject, email.Html, email.PlainText, email.Headers, at, channel, messageId, email.Tag);
}
