namespace CouponFunctions.Platforms.Common.Signing;

/// <summary>SHOPLINE Open Platform signatures: HMAC-SHA256 keyed with the app secret, lower-case hex (platform-apis.md §4.1).</summary>
internal static class ShoplineSigner
{
    // POST (token create/refresh): the raw body followed by the timestamp in milliseconds.
    public static string SignPost(string appSecret, string body, long timestampMilliseconds) =>
        Hmac.Sha256Hex(appSecret, body + timestampMilliseconds);

    // GET: the URL-encoded query params without `sign`, sorted, joined as k=v&k=v. The join format comes from a
    // secondary source (UNCERTAIN in the reference); keep it in this one place so a correction is one edit.
    public static string GetBaseString(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join('&', query
            .Where(p => p.Key != "sign")
            .Select(p => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public static string SignGet(string appSecret, IEnumerable<KeyValuePair<string, string>> query) =>
        Hmac.Sha256Hex(appSecret, GetBaseString(query));
}
