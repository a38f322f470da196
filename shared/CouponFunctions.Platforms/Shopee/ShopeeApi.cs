using System.Globalization;
using System.Text;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Common.Signing;

namespace CouponFunctions.Platforms.Shopee;

/// <summary>Signed Shopee v2 requests on the shared call path: common params in the query, business params as a JSON body.</summary>
internal sealed class ShopeeApi(ShopeeClientOptions options, PlatformCaller caller, TimeProvider time)
{
    private string AppKey => options.PartnerId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A shop API call (signed with access_token and shop_id), read by <paramref name="read"/>.</summary>
    public async Task<PlatformResult<T>> ShopCallAsync<T>(
        StoreConnection store, HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> query, object? body,
        RetryMode retry, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        if (!long.TryParse(store.ShopId, NumberStyles.None, CultureInfo.InvariantCulture, out var shopId))
            return new PlatformError(Platform.Shopee, PlatformErrorKind.Rejected, "invalid_shop_id", $"'{store.ShopId}' is not a Shopee shop_id (digits only).");
        if (string.IsNullOrEmpty(store.Credentials.AccessToken))
            return new PlatformError(Platform.Shopee, PlatformErrorKind.Unauthorized, "no_access_token", "The store has no Shopee access token: authorize it first.");

        var accessToken = store.Credentials.AccessToken;
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), PlatformJson.SnakeCase);
        var businessQuery = query.ToList();
        HttpRequestMessage Create()
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            var sign = ShopeeSigner.SignShop(options.PartnerKey, options.PartnerId, path, timestamp, accessToken, shopId);
            var url = Url(path, [.. Common(timestamp, sign), new("access_token", accessToken), new("shop_id", store.ShopId), .. businessQuery]);
            return Message(method, url, json);
        }

        var request = new PlatformRequest(Operation(path), AppKey, store.ShopId, retry, Create, store);
        return await caller.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A public API call (signed with partner_id, path and timestamp only), such as the token endpoints.</summary>
    public async Task<PlatformResult<T>> PublicPostAsync<T>(
        string path, object body, StoreConnection? store, IReadOnlyList<string?> bodySecrets, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(body, body.GetType(), PlatformJson.SnakeCase);
        HttpRequestMessage Create()
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            return Message(HttpMethod.Post, Url(path, Common(timestamp, ShopeeSigner.SignPublic(options.PartnerKey, options.PartnerId, path, timestamp))), json);
        }

        // Codes and refresh tokens are single-use: never re-send them after an ambiguous failure.
        var request = new PlatformRequest(Operation(path), AppKey, store?.ShopId, RetryMode.OnlyIfNotProcessed, Create, store) { BodySecrets = bodySecrets };
        return await caller.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A signed public URL the browser opens (auth_partner); valid for 5 minutes from now.</summary>
    public Uri PublicUrl(string path, IEnumerable<KeyValuePair<string, string>> extra)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        return Url(path, [.. Common(timestamp, ShopeeSigner.SignPublic(options.PartnerKey, options.PartnerId, path, timestamp)), .. extra]);
    }

    private List<KeyValuePair<string, string>> Common(long timestamp, string sign) =>
    [
        new("partner_id", AppKey),
        new("timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
        new("sign", sign),
    ];

    private Uri Url(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var url = new StringBuilder(options.BaseUrl.AbsoluteUri.TrimEnd('/')).Append(path).Append('?');
        url.AppendJoin('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(url.ToString());
    }

    private static HttpRequestMessage Message(HttpMethod method, Uri url, string? json) => new(method, url)
    {
        Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
    };

    // "/api/v2/voucher/add_voucher" → "voucher/add_voucher": the name recorded with failures.
    private static string Operation(string path) => path.StartsWith("/api/v2/", StringComparison.Ordinal) ? path["/api/v2/".Length..] : path;
}
