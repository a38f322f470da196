using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.TikTok;

internal sealed partial class TikTokClient
{
    private const string TokenGetPath = "/api/v2/token/get";
    private const string TokenRefreshPath = "/api/v2/token/refresh";
    private const string ShopsPath = "/authorization/202309/shops";

    /// <summary>The seller's authorization page. TikTok sends the seller back to the redirect URL registered in Partner
    /// Center, so <see cref="AuthorizationRequest.RedirectUri"/> is not part of the link; the state comes back as is.</summary>
    public Uri BuildAuthorizationUrl(AuthorizationRequest request)
    {
        var page = new UriBuilder(_options.AuthorizePageUrl);
        var query = $"service_id={Uri.EscapeDataString(_options.ServiceId)}&state={Uri.EscapeDataString(request.State)}";
        page.Query = string.IsNullOrEmpty(page.Query) || page.Query == "?" ? query : page.Query.TrimStart('?') + "&" + query;
        return page.Uri;
    }

    /// <summary>Exchanges the code for the seller's token, then reads the seller's shops for their ciphers (one token
    /// covers every shop of the seller; each store keeps its own cipher).</summary>
    public async Task<PlatformResult<TokenGrant>> ExchangeCodeAsync(AuthorizationCallback callback, CancellationToken cancellationToken = default)
    {
        var token = await _api.TokenCallAsync("api/v2/token/get", TokenGetPath,
            [new("auth_code", callback.Code), new("grant_type", "authorized_code")], store: null, [callback.Code], ReadToken, cancellationToken).ConfigureAwait(false);
        if (!token.Succeeded) return token.Error;

        var shops = await _api.SellerCallAsync("authorization/202309/shops", ShopsPath, token.Value.AccessToken!, store: null, ReadShops, cancellationToken).ConfigureAwait(false);
        if (!shops.Succeeded)
            return shops.Error with { Message = "TikTok Shop authorized the app, but the seller's shops could not be read; authorize again. " + shops.Error.Message };
        return Grant(token.Value, shops.Value);
    }

    /// <summary>Exchanges the refresh token for a new pair (store both: the old refresh token may stop working). The
    /// grant covers the same seller, so the store keeps its shop and cipher.</summary>
    public async Task<PlatformResult<TokenGrant>> RefreshTokenAsync(StoreConnection store, CancellationToken cancellationToken = default)
    {
        var refreshToken = store.Credentials.RefreshToken;
        if (string.IsNullOrEmpty(refreshToken))
            return new PlatformError(Platform.TikTok, PlatformErrorKind.Unauthorized, "no_refresh_token", "The store has no TikTok Shop refresh token: authorize it again.");
        var token = await _api.TokenCallAsync("api/v2/token/refresh", TokenRefreshPath,
            [new("refresh_token", refreshToken), new("grant_type", "refresh_token")], store, [refreshToken], ReadToken, cancellationToken).ConfigureAwait(false);
        if (!token.Succeeded) return token.Error;
        return Grant(token.Value, [new AuthorizedShop(store.ShopId, store.Site, store.Credentials.ShopCipher)]);
    }

    private static TikTokTokenData ReadToken(JsonElement data)
    {
        var token = data.Deserialize<TikTokTokenData>(PlatformJson.SnakeCase);
        if (string.IsNullOrEmpty(token?.AccessToken) || token.AccessTokenExpireIn <= 0) throw new JsonException("No access_token or access_token_expire_in.");
        return token;
    }

    private static List<AuthorizedShop> ReadShops(JsonElement data)
    {
        if (!data.TryGetProperty("shops", out var list) || list.ValueKind != JsonValueKind.Array) throw new JsonException("No shops.");
        return list.EnumerateArray()
            .Select(s => s.Deserialize<TikTokShop>(PlatformJson.SnakeCase))
            .Select(s => string.IsNullOrEmpty(s?.Id) || string.IsNullOrEmpty(s.Cipher)
                ? throw new JsonException("A shop has no id or cipher.")
                : new AuthorizedShop(s.Id, s.Region, s.Cipher, s.Name))
            .ToList();
    }

    private PlatformResult<TokenGrant> Grant(TikTokTokenData token, IReadOnlyList<AuthorizedShop> shops) =>
        PlatformResult<TokenGrant>.Ok(new TokenGrant(token.AccessToken!, Expiry(token.AccessTokenExpireIn), token.RefreshToken,
            string.IsNullOrEmpty(token.RefreshToken) ? null : Expiry(token.RefreshTokenExpireIn), shops));

    // *_expire_in are absolute Unix times, not lifetimes (platform-apis.md §3). A value too small to be one (before
    // 2001-09) is read as seconds from now, should an older API version answer with a lifetime.
    private DateTimeOffset Expiry(long value) =>
        value >= 1_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(value) : _time.GetUtcNow().AddSeconds(value);
}
