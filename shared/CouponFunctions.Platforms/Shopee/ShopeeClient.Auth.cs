using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopee;

internal sealed partial class ShopeeClient
{
    private const string AuthPartnerPath = "/api/v2/shop/auth_partner";
    private const string TokenGetPath = "/api/v2/auth/token/get";
    private const string AccessTokenGetPath = "/api/v2/auth/access_token/get";

    // Refresh tokens last 30 days and are not returned with an expiry (platform-apis.md §1).
    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>The auth_partner link (signed as a public API; valid 5 minutes). Shopee has no state parameter, so the
    /// state rides on the redirect URL, which Shopee calls back with code and shop_id added.</summary>
    public Uri BuildAuthorizationUrl(AuthorizationRequest request)
    {
        var redirect = new UriBuilder(request.RedirectUri);
        var state = "state=" + Uri.EscapeDataString(request.State);
        redirect.Query = string.IsNullOrEmpty(redirect.Query) || redirect.Query == "?" ? state : redirect.Query.TrimStart('?') + "&" + state;
        return _api.PublicUrl(AuthPartnerPath, [new("redirect", redirect.Uri.AbsoluteUri)]);
    }

    public async Task<PlatformResult<TokenGrant>> ExchangeCodeAsync(AuthorizationCallback callback, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(callback.ShopId, NumberStyles.None, CultureInfo.InvariantCulture, out var shopId))
            return Rejected("missing_shop_id", "Shopee's redirect carried no shop_id; main-account authorizations are not supported.");
        var body = new { code = callback.Code, partner_id = _options.PartnerId, shop_id = shopId };
        return await _api.PublicPostAsync(TokenGetPath, body, store: null, [callback.Code],
            response => ReadGrant(response, callback.ShopId!, callback.Site), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Exchanges the single-use refresh token for a new access token and a new refresh token; the caller must
    /// store both, as the old refresh token stops working.</summary>
    public async Task<PlatformResult<TokenGrant>> RefreshTokenAsync(StoreConnection store, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(store.Credentials.RefreshToken))
            return new PlatformError(Platform.Shopee, PlatformErrorKind.Unauthorized, "no_refresh_token", "The store has no Shopee refresh token: authorize it again.");
        if (!long.TryParse(store.ShopId, NumberStyles.None, CultureInfo.InvariantCulture, out var shopId))
            return Rejected("invalid_shop_id", $"'{store.ShopId}' is not a Shopee shop_id.");
        var body = new { refresh_token = store.Credentials.RefreshToken, partner_id = _options.PartnerId, shop_id = shopId };
        return await _api.PublicPostAsync(AccessTokenGetPath, body, store, [store.Credentials.RefreshToken],
            response => ReadGrant(response, store.ShopId, store.Site), cancellationToken).ConfigureAwait(false);
    }

    private TokenGrant ReadGrant(JsonElement response, string shopId, string site)
    {
        var token = response.Deserialize<ShopeeTokenResponse>(PlatformJson.SnakeCase);
        if (string.IsNullOrEmpty(token?.AccessToken) || token.ExpireIn <= 0) throw new JsonException("No access_token or expire_in.");
        var now = _time.GetUtcNow();
        var shops = token.ShopIdList is { Length: > 0 } list
            ? list.Select(id => new AuthorizedShop(id.ToString(CultureInfo.InvariantCulture), site)).ToList()
            : [new AuthorizedShop(shopId, site)];
        return new TokenGrant(token.AccessToken, now.AddSeconds(token.ExpireIn), token.RefreshToken,
            token.RefreshToken is null ? null : now + RefreshTokenLifetime, shops);
    }
}
