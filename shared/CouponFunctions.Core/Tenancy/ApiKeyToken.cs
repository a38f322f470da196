using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Core.Tenancy;

/// <summary>
/// The text of an API key: <c>cfk_{tenantId}_{keyId}_{secret}</c>. The tenant and key ids in it say where the hash
/// is stored, so a key is checked with one point read under its own tenant and can never reach another tenant.
/// </summary>
public sealed record ApiKeyToken(TenantId TenantId, string KeyId, string Secret)
{
    private const string Prefix = "cfk";

    public static ApiKeyToken Create(TenantId tenantId) =>
        new(tenantId, "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Ids and secret never contain '_' (ids are lower-case letters, digits, hyphens; the secret is hex).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ApiKeyToken? token)
    {
        token = null;
        var parts = text?.Trim().Split('_');
        if (parts is not [Prefix, var tenant, var keyId, var secret]) return false;
        if (!TenantId.TryParse(tenant, out var tenantId) || keyId.Length is < 2 or > 40 || secret.Length != 64) return false;
        token = new ApiKeyToken(tenantId, keyId, secret);
        return true;
    }

    /// <summary>SHA-256 is enough here: the secret is 256 random bits, so there is nothing to brute-force.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));

    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash()), Encoding.ASCII.GetBytes(storedHash));

    public string Text => $"{Prefix}_{TenantId}_{KeyId}_{Secret}";

    public override string ToString() => $"{Prefix}_{TenantId}_{KeyId}_***";
}
