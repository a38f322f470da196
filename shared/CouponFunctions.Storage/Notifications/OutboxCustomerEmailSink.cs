using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// The local customer-email sink and its sent-log: one JSON blob per email at "outbox/_email/{tenant}/{idempotency key}.json",
/// written create-only, so a repeated send records (and sends) nothing and answers with the first message id. Like the SMS
/// outbox, the "_email/" prefix is never a tenant id, so the operators' outbox listing does not see these blobs.
/// </summary>
internal sealed class OutboxCustomerEmailSink(BlobServiceClient blobs, TimeProvider time) : ICustomerEmailSink, ICustomerEmailOutbox
{
    private const string Prefix = "_email/";
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.Outbox);

    public async Task<EmailSendOutcome> SendAsync(CustomerEmail email, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordAsync(email, "outbox", $"outbox-{email.OperationId:N}", cancellationToken);
        return EmailSendOutcome.Sent(recorded.MessageId);
    }

    /// <summary>Writes the record unless one exists for the key; either way the record that stands.</summary>
    public async Task<SentCustomerEmail> RecordAsync(CustomerEmail email, string channel, string messageId, CancellationToken cancellationToken)
    {
        var id = Keys.Escape(email.IdempotencyKey);
        var record = new SentCustomerEmail(id, email.To, email.Subject, email.Html, email.PlainText, email.Headers, time.GetUtcNow(), channel, messageId, email.Tag);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, MessageJson.Options));
        if (await _container.GetBlobClient(BlobName(email.TenantId, id)).UploadAsync(content, "application/json", overwrite: false, cancellationToken)) return record;
        return await ReadAsync(BlobName(email.TenantId, id), cancellationToken)
            ?? throw new InvalidOperationException($"The email outbox record {id} exists but cannot be read.");
    }

    public Task<SentCustomerEmail?> GetAsync(TenantId tenantId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ReadAsync(BlobName(tenantId, Keys.Escape(idempotencyKey)), cancellationToken);

    public async Task<IReadOnlyList<SentCustomerEmail>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default)
    {
        var items = new List<BlobItem>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{Prefix}{tenantId.Value}/" }, cancellationToken)) items.Add(blob);
        var sent = new List<SentCustomerEmail>();
        foreach (var blob in items.OrderByDescending(b => b.Properties.LastModified).Take(max))
        {
            if (await ReadAsync(blob.Name, cancellationToken) is { } record) sent.Add(record);
        }

        return sent.OrderByDescending(s => s.At).ToList();
    }

    private async Task<SentCustomerEmail?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = await _container.GetBlobClient(name).OpenReadIfExistsAsync(cancellationToken);
        if (stream is null) return null;
        return await JsonSerializer.DeserializeAsync<SentCustomerEmail>(stream, MessageJson.Options, cancellationToken);
    }

    private static string BlobName(TenantId tenantId, string id) => $"{Prefix}{tenantId.Value}/{id}.json";
}
