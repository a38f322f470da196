using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// A sent-log of one JSON record per idempotency key at "outbox/{prefix}{tenant}/{escaped key}.json", written create-only:
/// the first record for a key stands, so a repeated send records (and sends) nothing and reads back the first. The prefix
/// ("_sms/", "_email/") cannot be a tenant id (ids have no '_'), so the operators' outbox listing never sees these blobs.
/// </summary>
internal sealed class OutboxRecordLog<T>(BlobServiceClient blobs, string prefix, string what, Func<T, DateTimeOffset> at)
    where T : class
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.Outbox);

    /// <summary>Writes the record unless one exists for the key; either way the record that stands.</summary>
    public async Task<T> RecordAsync(TenantId tenantId, string id, T record, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, MessageJson.Options));
        if (await _container.GetBlobClient(BlobName(tenantId, id)).UploadAsync(content, "application/json", overwrite: false, cancellationToken)) return record;
        return await ReadAsync(BlobName(tenantId, id), cancellationToken)
            ?? throw new InvalidOperationException($"The {what} outbox record {id} exists but cannot be read.");
    }

    public Task<T?> GetAsync(TenantId tenantId, string id, CancellationToken cancellationToken) => ReadAsync(BlobName(tenantId, id), cancellationToken);

    /// <summary>The tenant's newest <paramref name="max"/> records, newest first.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken)
    {
        var items = new List<BlobItem>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{prefix}{tenantId.Value}/" }, cancellationToken)) items.Add(blob);
        var records = new List<T>();
        foreach (var blob in items.OrderByDescending(b => b.Properties.LastModified).Take(max))
        {
            if (await ReadAsync(blob.Name, cancellationToken) is { } record) records.Add(record);
        }

        return records.OrderByDescending(at).ToList();
    }

    private async Task<T?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = await _container.GetBlobClient(name).OpenReadIfExistsAsync(cancellationToken);
        if (stream is null) return null;
        return await JsonSerializer.DeserializeAsync<T>(stream, MessageJson.Options, cancellationToken);
    }

    private string BlobName(TenantId tenantId, string id) => $"{prefix}{tenantId.Value}/{id}.json";
}
