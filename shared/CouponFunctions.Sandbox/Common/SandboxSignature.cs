using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Sandbox.Common;

/// <summary>The sandboxes' own HMAC check (kept apart from the connectors' signers so a signing bug is caught, not mirrored).</summary>
internal static class SandboxSignature
{
    public static string HmacSha256Hex(string key, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));

    /// <summary>Constant-time comparison; <paramref name="upperCase"/> for platforms that send upper-case hex (Lazada).</summary>
    public static bool HmacSha256HexEquals(string key, string message, string? given, bool upperCase = false)
    {
        if (given is null) return false;
        var expected = HmacSha256Hex(key, message);
        if (upperCase) expected = expected.ToUpperInvariant();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}
