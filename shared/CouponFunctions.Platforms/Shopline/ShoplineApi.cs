using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Common.Signing;

namespace CouponFunctions.Platforms.Shopline;

/// <summary>SHOPLINE requests on the shared call path: Admin REST calls with a Bearer token on the store's own host, and
/// the OAuth token calls signed with <c>HMAC(app secret, body + timestamp)</c> in the appkey/timestamp/sign headers.</summary>
internal sealed partial class ShoplineApi(ShoplineClientOptions options, PlatformCaller caller, TimeProvider time)
{
    // A handle is the store's subdomain; checking it keeps anything else out of the host name.
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleFormat();

    public static bool IsHandle(string? handle) => handle is not null && HandleFormat().IsMatch(handle);

    /// <summary>An Admin REST call (<c>/admin/openapi/{version}{resourcePath}</c>); <paramref name="read"/> gets the whole body.</summary>
    public async Task<PlatformResult<T>> CallAsync<T>(
        StoreConnection store, string operation, HttpMethod method, string resourcePath, IEnumerable<KeyValuePair<string, string>> query, object? body,
        RetryMode retry, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        if (!IsHandle(store.ShopId))
            return new PlatformError(Platform.Shopline, PlatformErrorKind.Rejected, "invalid_handle", $"'{store.ShopId}' is not a SHOPLINE store handle.");
        var token = store.Credentials.AccessToken;
        if (string.IsNullOrEmpty(token))
            return new PlatformError(Platform.Shopline, PlatformErrorKind.Unauthorized, "no_access_token", "The store has no SHOPLINE access token: authorize it first.");

        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), PlatformJson.SnakeCase);
        var url = Url(store.ShopId, $"/admin/openapi/{options.ApiVersion}{resourcePath}", query);
        HttpRequestMessage Create()
        {
            var message = new HttpRequestMessage(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            return message;
        }

        var request = new PlatformRequest(operation, options.AppKey, store.ShopId, retry, Create, store) { BodySecrets = [token] };
        return await caller.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An OAuth call on the store's host (<c>/admin/oauth/token/…</c>), signed per attempt with a fresh timestamp (ms).</summary>
    public async Task<PlatformResult<T>> TokenCallAsync<T>(
        string handle, string operation, string path, string body, StoreConnection? store, RetryMode retry, IReadOnlyList<string?> secrets,
        Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        if (!IsHandle(handle))
            return new PlatformError(Platform.Shopline, PlatformErrorKind.Rejected, "invalid_handle", $"'{handle}' is not a SHOPLINE store handle.");
        var url = Url(handle, path, []);
        HttpRequestMessage Create()
        {
            var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
            var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            message.Headers.TryAddWithoutValidation("appkey", options.AppKey);
            message.Headers.TryAddWithoutValidation("timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            message.Headers.TryAddWithoutValidation("sign", ShoplineSigner.SignPost(options.AppSecret, body, timestamp));
            return message;
        }

        var request = new PlatformRequest(operation, options.AppKey, handle, retry, Create, store) { BodySecrets = [options.AppSecret, .. secrets] };
        return await caller.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The root URL of a store (the authorize page and the OAuth calls live under it).</summary>
    public string StoreRoot(string handle) => options.StoreUrlTemplate.Replace("{handle}", handle, StringComparison.Ordinal).TrimEnd('/');

    private Uri Url(string handle, string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var url = new StringBuilder(StoreRoot(handle)).Append(path);
        var pairs = query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
        if (pairs.Count > 0) url.Append('?').AppendJoin('&', pairs);
        return new Uri(url.ToString());
    }
}
