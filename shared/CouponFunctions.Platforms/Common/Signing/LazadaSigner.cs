namespace CouponFunctions.Platforms.Common.Signing;

/// <summary>Lazada Open Platform signatures: HMAC-SHA256 keyed with the app secret, UPPER-case hex (platform-apis.md §2).</summary>
internal static class LazadaSigner
{
    // Every parameter (system params app_key, timestamp in ms, sign_method=sha256, access_token, plus business
    // params) except `sign` and file params, sorted by name in ordinal (ASCII) order, joined as k1v1k2v2...,
    // with the API path in front (for example /promotion/voucher/create).
    public static string BaseString(string apiPath, IEnumerable<KeyValuePair<string, string>> parameters) =>
        apiPath + string.Concat(parameters
            .Where(p => p.Key != "sign")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + p.Value));

    public static string Sign(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Hmac.Sha256Hex(appSecret, BaseString(apiPath, parameters), upperCase: true);
}
