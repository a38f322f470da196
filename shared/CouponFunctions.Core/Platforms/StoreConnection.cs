using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Platforms;

/// <summary>Everything a connector needs to call a platform on behalf of one store (decrypted, in memory only).</summary>
/// <param name="ShopId">The platform's shop id (Shopee shop_id, Lazada seller id, TikTok shop id, SHOPLINE handle).</param>
public sealed record StoreConnection(
    TenantId TenantId,
    StoreId StoreId,
    Platform Platform,
    string Site,
    string ShopId,
    StoreCredentials Credentials)
{
    /// <summary>Never print tokens: records print every property by default.</summary>
    public override string ToString() => $"{Platform.ToWire()}:{Site}:{ShopId} ({TenantId}/{StoreId})";
}

/// <summary>The secrets of one store's authorization; encrypted at rest, never logged or returned by the API.</summary>
/// <param name="ShopCipher">TikTok Shop's per-shop cipher (from /authorization/202309/shops).</param>
public sealed record StoreCredentials(
    string? AccessToken,
    DateTimeOffset? AccessTokenExpiresAt,
    string? RefreshToken = null,
    DateTimeOffset? RefreshTokenExpiresAt = null,
    string? ShopCipher = null)
{
    public static StoreCredentials None { get; } = new(null, null);

    public override string ToString() =>
        $"StoreCredentials {{ AccessToken = {(AccessToken is null ? "none" : "***")}, ExpiresAt = {AccessTokenExpiresAt:O} }}";
}
