using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// The local SMS sink and the SMS sent-log: one JSON blob per message at "outbox/_sms/{tenant}/{idempotency key}.json",
/// written create-only, so a repeated send records (and sends) nothing and answers with the first message id. The "_sms/"
/// prefix cannot be a tenant id (ids have no '_'), so the email outbox's per-tenant listing never sees these blobs.
/// </summary>
internal sealed class OutboxSmsSink(BlobServiceClient blobs, TimeProvider time) : ISmsSink, ISmsOutbox
{
    private const string Prefix = "_sms/";
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.Outbox);

    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordAsync(message, "outbox", $"outbox-{message.RepeatabilityRequestId:N}", cancellationToken);
        return SmsSendResult.Sent(recorded.MessageId);
    }

    /// <summary>Writes the record unless one exists for the key; either way the record that stands.</summary>
    public async Task<SentSms> RecordAsync(SmsMessage message, string channel, string messageId, CancellationToken cancellationToken)
    {
        var id = Keys.Escape(message.IdempotencyKey);
        var record = new SentSms(id, message.To, message.Text, time.GetUtcNow(), channel, messageId, message.Tag);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, MessageJson.Options));
        if (await _container.GetBlobClient(BlobName(message.TenantId, id)).UploadAsync(content, "application/json", overwrite: false, cancellationToken)) return record;
        return await ReadAsync(BlobName(message.TenantId, id), cancellationToken)
            ?? throw new InvalidOperationException($"The SMS outbox record {id} exists but cannot be read.");
    }

    public Task<SentSms?> GetAsync(TenantId tenantId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ReadAsync(BlobName(tenantId, Keys.Escape(idempotencyKey)), cancellationToken);

    public async Task<IReadOnlyList<SentSms>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default)
    {
        var items = new List<BlobItem>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{Prefix}{tenantId.Value}/" }, cancellationToken)) items.Add(blob);
        var sent = new List<SentSms>();
        foreach (var blob in items.OrderByDescending(b => b.Properties.LastModified).Take(max))
        {
            if (await ReadAsync(blob.Name, cancellationToken) is { } record) sent.Add(record);
        }

        return sent.OrderByDescending(s => s.At).ToList();
    }

    private async Task<SentSms?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = await _container.GetBlobClient(name).OpenReadIfExistsAsync(cancellationToken);
        if (stream is null) return null;
        return await JsonSerializer.DeserializeAsync<SentSms>(stream, MessageJson.Options, cancellationToken);
    }

    private static string BlobName(TenantId tenantId, string id) => $"{Prefix}{tenantId.Value}/{id}.json";
}
