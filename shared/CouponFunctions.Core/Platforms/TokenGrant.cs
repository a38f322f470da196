namespace CouponFunctions.Core.Platforms;

/// <summary>Tokens a platform granted on code exchange or refresh.</summary>
/// <param name="ShopIds">The shops this grant covers, where the platform says (Shopee shop_id_list, TikTok shops).</param>
public sealed record TokenGrant(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string? RefreshToken,
    DateTimeOffset? RefreshTokenExpiresAt,
    IReadOnlyList<AuthorizedShop> Shops)
{
    public override string ToString() => $"TokenGrant {{ ExpiresAt = {AccessTokenExpiresAt:O}, Shops = {Shops.Count} }}";
}

/// <summary>A shop an authorization covers; <paramref name="ShopCipher"/> is TikTok's per-shop cipher.</summary>
public sealed record AuthorizedShop(string ShopId, string? Site, string? ShopCipher = null, string? Name = null);

/// <summary>The inputs to build a platform's authorization page URL.</summary>
public sealed record AuthorizationRequest(string Site, Uri RedirectUri, string State);

/// <summary>What the platform's redirect brought back after the seller approved.</summary>
/// <param name="ShopId">Shopee's shop_id, SHOPLINE's handle; null where the platform does not send one.</param>
public sealed record AuthorizationCallback(string Site, string Code, string? ShopId);
