using System.Text;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Platforms.Lazada;

// Tokens are per seller account, not per shop; a cross-border account can cover several countries, each listed in
// country_user_info with its own seller_id (the store's ShopId).
internal sealed partial class LazadaClient
{
    private const string TokenCreatePath = "/auth/token/create";
    private const string TokenRefreshPath = "/auth/token/refresh";

    /// <summary>The seller's authorization page (unsigned). Lazada calls the redirect URI back with code and state.</summary>
    public Uri BuildAuthorizationUrl(AuthorizationRequest request)
    {
        var query = new KeyValuePair<string, string>[]
        {
            new("response_type", "code"),
            new("force_auth", "true"),
            new("redirect_uri", request.RedirectUri.AbsoluteUri),
            new("client_id", _options.AppKey),
            new("state", request.State),
            // country preselects the seller's site (sg, my, th, vn, ph, id; cb for cross-border).
            new("country", request.Site.ToLowerInvariant()),
        };
        var url = new StringBuilder(_options.AuthorizeUrl.AbsoluteUri).Append('?');
        url.AppendJoin('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(url.ToString());
    }

    public async Task<PlatformResult<TokenGrant>> ExchangeCodeAsync(AuthorizationCallback callback, CancellationToken cancellationToken = default) =>
        await _api.AuthCallAsync(TokenCreatePath, [new("code", callback.Code)], store: null,
            response => ReadGrant(response, callback.ShopId, callback.Site), cancellationToken).ConfigureAwait(false);

    /// <summary>Exchanges the refresh token for a new pair; the caller must store both. The authorization itself does not
    /// get longer: refresh_expires_in counts down to the end the seller granted, then the seller must authorize again.</summary>
    public async Task<PlatformResult<TokenGrant>> RefreshTokenAsync(StoreConnection store, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(store.Credentials.RefreshToken))
            return new PlatformError(Platform.Lazada, PlatformErrorKind.Unauthorized, "no_refresh_token", "The store has no Lazada refresh token: authorize it again.");
        return await _api.AuthCallAsync(TokenRefreshPath, [new("refresh_token", store.Credentials.RefreshToken)], store,
            response => ReadGrant(response, store.ShopId, store.Site), cancellationToken).ConfigureAwait(false);
    }

    private TokenGrant ReadGrant(JsonElement response, string? shopId, string site)
    {
        var token = LazadaTokenResponse.Read(response);
        var now = _time.GetUtcNow();
        var shops = token.Sellers.Count > 0
            ? token.Sellers.Select(s => new AuthorizedShop(s.SellerId, (s.Country ?? token.Country ?? site).ToUpperInvariant(), Name: s.ShortCode)).ToList()
            : shopId is not null
                ? [new AuthorizedShop(shopId, site)]
                : throw new JsonException("The token answer names no seller (country_user_info).");
        return new TokenGrant(token.AccessToken, now.AddSeconds(token.ExpiresIn), token.RefreshToken,
            token.RefreshExpiresIn is { } refreshIn ? now.AddSeconds(refreshIn) : null, shops);
    }
}
