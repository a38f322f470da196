namespace CouponFunctions.Platforms.Common.Signing;

/// <summary>TikTok Shop Partner API signatures: HMAC-SHA256 keyed with the app secret, lower-case hex (platform-apis.md §3).</summary>
internal static class TikTokSigner
{
    // Query params except `sign` and `access_token`, sorted by key, joined as k+v, the path in front, then the raw
    // body exactly as sent (not for multipart/form-data), and the whole string wrapped in the app secret on both
    // sides. Key order inside the body matters: sign the bytes you send.
    public static string BaseString(string appSecret, string path, IEnumerable<KeyValuePair<string, string>> query, string? body = null) =>
        appSecret
        + path
        + string.Concat(query
            .Where(p => p.Key is not ("sign" or "access_token"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + p.Value))
        + (body ?? string.Empty)
        + appSecret;

    public static string Sign(string appSecret, string path, IEnumerable<KeyValuePair<string, string>> query, string? body = null) =>
        Hmac.Sha256Hex(appSecret, BaseString(appSecret, path, query, body));
}
