using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tenancy;

/// <summary>An operator's API key as stored: only its hash, never the key itself.</summary>
/// <param name="StoreScope">The stores the key may see; null means every store of the tenant.</param>
public sealed record ApiKey(
    TenantId TenantId,
    string KeyId,
    string Name,
    ApiKeyRole Role,
    IReadOnlyList<StoreId>? StoreScope,
    string SecretHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>Reads and writes API keys; every key lives under its tenant.</summary>
public interface IApiKeyRepository
{
    Task<ApiKey?> GetAsync(TenantId tenantId, string keyId, CancellationToken cancellationToken = default);

    Task AddAsync(ApiKey key, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiKey>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    /// <summary>Marks the key revoked; false when there is no such key.</summary>
    Task<bool> RevokeAsync(TenantId tenantId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);
}
