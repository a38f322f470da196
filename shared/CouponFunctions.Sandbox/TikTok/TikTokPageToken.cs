using System.Text;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>SearchCoupons' opaque cursor: the last coupon id of the page and a fingerprint of the filter it was made for
/// (a cursor only continues the search that made it). Keyset paging on the id, so new coupons never shift a page.</summary>
internal static class TikTokPageToken
{
    public static string Encode(long lastId, string fingerprint) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{lastId}|{fingerprint}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string token, string fingerprint, out long lastId)
    {
        lastId = 0;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            var parts = text.Split('|');
            return parts.Length == 3 && parts[0] == "v1" && parts[2] == fingerprint && long.TryParse(parts[1], out lastId);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The filter of a search, in one canonical string.</summary>
    public static string Fingerprint(string? keyword, IEnumerable<string> statuses, IEnumerable<string> displayTypes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{keyword}|{string.Join(',', statuses.Order(StringComparer.Ordinal))}|{string.Join(',', displayTypes.Order(StringComparer.Ordinal))}")))[..16];
}
