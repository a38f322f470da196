namespace CouponFunctions.Platforms.Common.Signing;

/// <summary>Shopee Open Platform v2 signatures: HMAC-SHA256 keyed with the partner key, lower-case hex (platform-apis.md §1).</summary>
internal static class ShopeeSigner
{
    // The base string is a plain concatenation with no separators; path is the API path without host
    // (for example /api/v2/voucher/add_voucher); timestamp is Unix seconds. The JSON body is not signed.
    public static string PublicBaseString(long partnerId, string path, long timestamp) => $"{partnerId}{path}{timestamp}";

    public static string ShopBaseString(long partnerId, string path, long timestamp, string accessToken, long shopId) =>
        $"{partnerId}{path}{timestamp}{accessToken}{shopId}";

    public static string SignPublic(string partnerKey, long partnerId, string path, long timestamp) =>
        Sign(partnerKey, PublicBaseString(partnerId, path, timestamp));

    public static string SignShop(string partnerKey, long partnerId, string path, long timestamp, string accessToken, long shopId) =>
        Sign(partnerKey, ShopBaseString(partnerId, path, timestamp, accessToken, shopId));

    public static string Sign(string partnerKey, string baseString) => Hmac.Sha256Hex(partnerKey, baseString);
}
