using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// The local notification sink and the sent-log shown in the admin page: one JSON blob per notification at
/// "outbox/{tenant}/{idempotency key}.json", written create-only, so a repeated send writes (and sends) nothing.
/// </summary>
internal sealed class OutboxNotificationSink(BlobServiceClient blobs, TimeProvider time) : INotificationSink, INotificationOutbox
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.Outbox);

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken = default) =>
        await TryRecordAsync(notification, "outbox", cancellationToken);

    /// <summary>Writes the record; false when a notification with the same key was recorded before.</summary>
    public async Task<bool> TryRecordAsync(Notification notification, string channel, CancellationToken cancellationToken)
    {
        var id = Keys.Escape(notification.IdempotencyKey);
        var record = new SentNotification(id, notification.Kind, notification.To, notification.Subject, time.GetUtcNow(), channel, notification.Text, notification.Html);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, MessageJson.Options));
        return await _container.GetBlobClient(BlobName(notification.TenantId, id)).UploadAsync(content, "application/json", overwrite: false, cancellationToken);
    }

    public async Task<bool> ExistsAsync(TenantId tenantId, string idempotencyKey, CancellationToken cancellationToken) =>
        (await _container.GetBlobClient(BlobName(tenantId, Keys.Escape(idempotencyKey))).ExistsAsync(cancellationToken)).Value;

    public async Task<IReadOnlyList<SentNotification>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default)
    {
        var items = new List<BlobItem>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{tenantId.Value}/" }, cancellationToken)) items.Add(blob);
        var newest = items.OrderByDescending(b => b.Properties.LastModified).Take(max);
        var sent = new List<SentNotification>();
        foreach (var blob in newest)
        {
            if (await ReadAsync(blob.Name, cancellationToken) is { } record) sent.Add(record);
        }
        // Blob times are whole seconds: order by the record's own time.
        return sent.OrderByDescending(n => n.At).ToList();
    }

    /// <summary>By the record's <see cref="SentNotification.Id"/> (the escaped key the listing shows), or by the raw idempotency key.</summary>
    public Task<SentNotification?> GetAsync(TenantId tenantId, string id, CancellationToken cancellationToken = default) =>
        ReadAsync(BlobName(tenantId, id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '!') ? id : Keys.Escape(id)), cancellationToken);

    private async Task<SentNotification?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = await _container.GetBlobClient(name).OpenReadIfExistsAsync(cancellationToken);
        if (stream is null) return null;
        return await JsonSerializer.DeserializeAsync<SentNotification>(stream, MessageJson.Options, cancellationToken);
    }

    private static string BlobName(TenantId tenantId, string id) => $"{tenantId.Value}/{id}.json";
}
