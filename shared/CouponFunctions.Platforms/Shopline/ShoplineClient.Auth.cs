using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopline;

// SHOPLINE OAuth (platform-apis.md §4.1): the authorize page and the token calls live on the store's own host. The
// access token lasts 10 hours and there is no refresh token: /admin/oauth/token/refresh re-issues a token from the app's
// standing authorization of the store (appkey + store host + signature), so a refresh works even after the token has
// expired, and stops only when the merchant uninstalls the app. That reading of the UNCERTAIN docs is what the sandbox does.
internal sealed partial class ShoplineClient
{
    private const string AuthorizePath = "/admin/oauth-web/#/oauth/authorize";
    private const string TokenCreatePath = "/admin/oauth/token/create";
    private const string TokenRefreshPath = "/admin/oauth/token/refresh";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(10);

    /// <summary>The store's authorize page. It is on the store's own host, and <see cref="AuthorizationRequest"/> names no
    /// store, so the handle rides on the redirect URI as <c>?handle=</c> (SHOPLINE adds its own handle on the way back too).
    /// The state goes as customField; the parameter names are UNCERTAIN (those of SHOPLINE's Go SDK).</summary>
    /// <exception cref="ArgumentException">When the redirect URI carries no valid <c>handle</c>.</exception>
    public Uri BuildAuthorizationUrl(AuthorizationRequest request)
    {
        var handle = System.Web.HttpUtility.ParseQueryString(request.RedirectUri.Query)["handle"];
        if (!ShoplineApi.IsHandle(handle))
            throw new ArgumentException("A SHOPLINE authorization needs the store's handle as ?handle= on the redirect URI.", nameof(request));
        var query = string.Join('&',
            $"appKey={Uri.EscapeDataString(_options.AppKey)}",
            "responseType=code",
            $"scope={Uri.EscapeDataString(_options.Scopes)}",
            $"redirectUri={Uri.EscapeDataString(request.RedirectUri.AbsoluteUri)}",
            $"customField={Uri.EscapeDataString(request.State)}");
        return new Uri($"{_api.StoreRoot(handle!)}{AuthorizePath}?{query}");
    }

    public async Task<PlatformResult<TokenGrant>> ExchangeCodeAsync(AuthorizationCallback callback, CancellationToken cancellationToken = default)
    {
        if (!ShoplineApi.IsHandle(callback.ShopId)) return Rejected("missing_handle", "SHOPLINE's redirect carried no store handle.");
        var handle = callback.ShopId!;
        var body = JsonSerializer.Serialize(new { code = callback.Code });
        // The code is single-use: re-sent only when SHOPLINE certainly did not act on it.
        return await _api.TokenCallAsync(handle, "oauth/token.create", TokenCreatePath, body, store: null, RetryMode.OnlyIfNotProcessed, [callback.Code],
            root => Grant(root, new AuthorizedShop(handle, callback.Site)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for a new access token (no refresh token exists). Repeating it only issues another token, so it is retried freely.</summary>
    public async Task<PlatformResult<TokenGrant>> RefreshTokenAsync(StoreConnection store, CancellationToken cancellationToken = default) =>
        await _api.TokenCallAsync(store.ShopId, "oauth/token.refresh", TokenRefreshPath, string.Empty, store, RetryMode.Safe, [store.Credentials.AccessToken],
            root => Grant(root, new AuthorizedShop(store.ShopId, store.Site)), cancellationToken).ConfigureAwait(false);

    private TokenGrant Grant(JsonElement root, AuthorizedShop shop)
    {
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : throw new JsonException("No data.");
        var token = data.Deserialize<ShoplineTokenData>();
        if (string.IsNullOrEmpty(token?.AccessToken)) throw new JsonException("No accessToken.");
        // expireTime is an ISO-8601 instant; should it be missing or unreadable, the documented 10 hours stand in.
        var expiresAt = DateTimeOffset.TryParse(token.ExpireTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : _time.GetUtcNow() + TokenLifetime;
        return new TokenGrant(token.AccessToken, expiresAt, RefreshToken: null, RefreshTokenExpiresAt: null, [shop]);
    }
}
