using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.App.Api.Keys;

/// <summary>A key as the API shows it: never the secret.</summary>
internal static class ApiKeyResponse
{
    public static object From(ApiKey key) => new
    {
        id = key.KeyId,
        name = key.Name,
        role = key.Role.ToString().ToLowerInvariant(),
        storeScope = key.StoreScope?.Select(s => s.Value),
        createdAt = key.CreatedAt,
        revokedAt = key.RevokedAt,
    };
}
