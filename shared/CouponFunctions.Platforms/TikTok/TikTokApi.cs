using System.Globalization;
using System.Text;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Common.Signing;

namespace CouponFunctions.Platforms.TikTok;

/// <summary>TikTok Shop requests on the shared call path: signed API calls (app_key, timestamp, sign in the query, the
/// token in <c>x-tts-access-token</c>) and the unsigned token endpoints on the auth host.</summary>
internal sealed class TikTokApi(TikTokClientOptions options, PlatformCaller caller, TimeProvider time)
{
    /// <summary>A shop API call: signed, with the seller's token and the shop's <c>shop_cipher</c>.</summary>
    public async Task<PlatformResult<T>> ShopCallAsync<T>(
        StoreConnection store, string operation, HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> query, object? body,
        Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(store.Credentials.AccessToken))
            return new PlatformError(Platform.TikTok, PlatformErrorKind.Unauthorized, "no_access_token", "The store has no TikTok Shop access token: authorize it first.");
        if (string.IsNullOrEmpty(store.Credentials.ShopCipher))
            return new PlatformError(Platform.TikTok, PlatformErrorKind.Unauthorized, "no_shop_cipher", "The store has no TikTok shop_cipher: authorize it again so its shops are read.");
        List<KeyValuePair<string, string>> shopQuery = [new("shop_cipher", store.Credentials.ShopCipher), .. query];
        return await SignedAsync(operation, method, path, shopQuery, body, store.Credentials.AccessToken, store.ShopId, store, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A seller-level call without <c>shop_cipher</c>, such as /authorization/202309/shops.</summary>
    public Task<PlatformResult<T>> SellerCallAsync<T>(
        string operation, string path, string accessToken, StoreConnection? store, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        SignedAsync(operation, HttpMethod.Get, path, [], null, accessToken, null, store, read, cancellationToken);

    /// <summary>A token endpoint: an unsigned GET on the auth host with app_key and app_secret in the query (redacted
    /// from every record). Codes and refresh tokens are single-use, so only a certain "not processed" is retried.</summary>
    public Task<PlatformResult<T>> TokenCallAsync<T>(
        string operation, string path, IEnumerable<KeyValuePair<string, string>> query, StoreConnection? store, IReadOnlyList<string?> secrets,
        Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var url = Url(options.AuthBaseUrl, path, [new("app_key", options.AppKey), new("app_secret", options.AppSecret), .. query]);
        var request = new PlatformRequest(operation, options.AppKey, null, RetryMode.OnlyIfNotProcessed, () => new HttpRequestMessage(HttpMethod.Get, url), store)
        {
            BodySecrets = [options.AppSecret, .. secrets],
        };
        return caller.SendAsync(request, root => read(Data(root)), cancellationToken);
    }

    private Task<PlatformResult<T>> SignedAsync<T>(
        string operation, HttpMethod method, string path, List<KeyValuePair<string, string>> query, object? body, string accessToken, string? shopKey,
        StoreConnection? store, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        // Serialised once: the signature covers the body bytes exactly as sent.
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), PlatformJson.SnakeCase);
        HttpRequestMessage Create()
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            List<KeyValuePair<string, string>> signed = [new("app_key", options.AppKey), new("timestamp", timestamp), .. query];
            var sign = TikTokSigner.Sign(options.AppSecret, path, signed, json);
            var message = new HttpRequestMessage(method, Url(options.BaseUrl, path, [.. signed, new("sign", sign)]));
            message.Headers.TryAddWithoutValidation("x-tts-access-token", accessToken);
            if (json is not null) message.Content = new StringContent(json, Encoding.UTF8, "application/json");
            return message;
        }

        // Every signed call we make is a read: retried on throttling and transient faults alike.
        var request = new PlatformRequest(operation, options.AppKey, shopKey, RetryMode.Safe, Create, store) { BodySecrets = [accessToken] };
        return caller.SendAsync(request, root => read(Data(root)), cancellationToken);
    }

    private static JsonElement Data(JsonElement envelope) =>
        envelope.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data
            : throw new JsonException("The answer has no \"data\" object.");

    private static Uri Url(Uri baseUrl, string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var url = new StringBuilder(baseUrl.AbsoluteUri.TrimEnd('/')).Append(path).Append('?');
        url.AppendJoin('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(url.ToString());
    }
}
