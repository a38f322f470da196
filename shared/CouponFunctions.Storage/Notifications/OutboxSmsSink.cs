using Azure.Storage.Blobs;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// The local SMS sink and the SMS sent-log (<see cref="OutboxRecordLog{T}"/> under "outbox/_sms/"): a repeated send records
/// (and sends) nothing and answers with the first message id.
/// </summary>
internal sealed class OutboxSmsSink(BlobServiceClient blobs, TimeProvider time) : ISmsSink, ISmsOutbox
{
    private readonly OutboxRecordLog<SentSms> _log = new(blobs, "_sms/", "SMS", r => r.At);

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordAsync(message, "outbox", $"outbox-{message.RepeatabilityRequestId:N}", cancellationToken);
        return SmsSendResult.Sent(recorded.MessageId);
    }

    /// <summary>Writes the record unless one exists for the key; either way the record that stands.</summary>
    public Task<SentSms> RecordAsync(SmsMessage message, string channel, string messageId, CancellationToken cancellationToken)
    {
        var id = Keys.Escape(message.IdempotencyKey);
        return _log.RecordAsync(message.TenantId, id, new SentSms(id, message.To, message.Text, time.GetUtcNow(), channel, messageId, message.Tag), cancellationToken);
    }

    public Task<SentSms?> GetAsync(TenantId tenantId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        _log.GetAsync(tenantId, Keys.Escape(idempotencyKey), cancellationToken);

    public Task<IReadOnlyList<SentSms>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default) =>
        _log.ListAsync(tenantId, max, cancellationToken);
}
