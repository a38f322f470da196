using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tenancy;

/// <summary>The authenticated operator of a request: tenant, role and (optionally) the stores the key is scoped to.</summary>
public sealed record Caller(TenantId TenantId, string KeyId, ApiKeyRole Role, IReadOnlySet<StoreId>? StoreScope)
{
    public bool Has(ApiKeyRole role) => Role >= role;

    public bool CanSee(StoreId storeId) => StoreScope is null || StoreScope.Contains(storeId);

    public bool IsScoped => StoreScope is not null;
}
