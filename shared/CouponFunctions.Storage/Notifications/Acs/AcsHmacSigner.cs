using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>
/// ACS HMAC-SHA256 request signing (same as the SDK's HMACAuthenticationPolicy):
/// <c>VERB\n{pathAndQuery}\n{x-ms-date};{host};{x-ms-content-sha256}</c>, host with the port when it is not the default.
/// </summary>
internal static class AcsHmacSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    public static string Signature(byte[] accessKey, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string AuthorizationHeader(string signature) => $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";

    /// <summary>The URI authority as signed: <c>host</c>, or <c>host:port</c> for a non-default port.</summary>
    public static string Host(Uri uri) => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
}
