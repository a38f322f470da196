using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Tenancy;

/// <summary>ApiKeys table: PartitionKey = tenant id, RowKey = key id; only the SHA-256 of the secret is stored.</summary>
internal sealed class ApiKeyRepository(TableServiceClient tables) : IApiKeyRepository
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.ApiKeys);

    public async Task<ApiKey?> GetAsync(TenantId tenantId, string keyId, CancellationToken cancellationToken = default)
    {
        // Key ids come from callers' tokens: reject what could not be a key id before it reaches a table key.
        if (keyId.Length is < 2 or > 40 || !keyId.All(char.IsAsciiLetterOrDigit)) return null;
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, keyId, cancellationToken: cancellationToken);
        return entity.HasValue ? ToKey(entity.Value!) : null;
    }

    public Task AddAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        _table.AddEntityAsync(new TableEntity(key.TenantId.Value, key.KeyId)
        {
            ["Name"] = key.Name,
            ["Role"] = key.Role.ToString(),
            ["StoreScope"] = key.StoreScope is null ? null : string.Join(',', key.StoreScope.Select(s => s.Value)),
            ["SecretHash"] = key.SecretHash,
            ["CreatedAt"] = key.CreatedAt,
        }, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var keys = new List<ApiKey>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(Keys.InPartition(tenantId.Value), cancellationToken: cancellationToken))
        {
            keys.Add(ToKey(entity));
        }
        return keys;
    }

    public async Task<bool> RevokeAsync(TenantId tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(tenantId, keyId, cancellationToken) is null) return false;
        var result = await _table.UpdateIfUnchangedAsync(
            new TableEntity(tenantId.Value, keyId) { ["RevokedAt"] = revokedAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return result.IsOk;
    }

    private static ApiKey ToKey(TableEntity e) => new(
        TenantId.Parse(e.PartitionKey),
        e.RowKey,
        e.GetString("Name") ?? "",
        Enum.Parse<ApiKeyRole>(e.GetString("Role") ?? nameof(ApiKeyRole.Viewer)),
        e.GetString("StoreScope") is { Length: > 0 } scope ? scope.Split(',').Select(StoreId.Parse).ToList() : null,
        e.GetString("SecretHash") ?? "",
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("RevokedAt"));
}
