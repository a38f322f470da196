using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Platforms.Common.Signing;

/// <summary>HMAC-SHA256 over UTF-8 text, as hex: the primitive every platform's signature is built on.</summary>
internal static class Hmac
{
    public static string Sha256Hex(string key, string message, bool upperCase = false)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message));
        return upperCase ? Convert.ToHexString(mac) : Convert.ToHexStringLower(mac);
    }

    /// <summary>Compares two signatures in constant time (case-insensitive hex).</summary>
    public static bool SignatureEquals(string? expected, string? actual) =>
        expected is not null && actual is not null && expected.Length == actual.Length
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
}
