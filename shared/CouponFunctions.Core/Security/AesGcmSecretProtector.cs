using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Core.Security;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce per value. Output: "v1.{keyId}.{base64(nonce|ciphertext|tag)}". The key id
/// (first bytes of the key's SHA-256) says which key made a value, so a rotated key gives a clear error instead of
/// garbage. The context (tenant/store ids) is authenticated data: a token copied to another store does not decrypt.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly string _keyId;

    public AesGcmSecretProtector(byte[] key)
    {
        if (key.Length != 32) throw new ArgumentException("The encryption key must be 32 bytes (256 bits), base64-encoded in settings.", nameof(key));
        _key = key;
        _keyId = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 4));
    }

    public static AesGcmSecretProtector FromBase64(string? base64Key)
    {
        if (string.IsNullOrWhiteSpace(base64Key))
            throw new InvalidOperationException("Security:EncryptionKey is not set: give a base64 256-bit key (openssl rand -base64 32).");
        try
        {
            return new AesGcmSecretProtector(Convert.FromBase64String(base64Key.Trim()));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Security:EncryptionKey is not valid base64.");
        }
    }

    public string Protect(string plaintext, string context)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(context));
        return $"v1.{_keyId}.{Convert.ToBase64String(output)}";
    }

    public string Unprotect(string protectedText, string context)
    {
        var parts = protectedText.Split('.');
        if (parts is not ["v1", var keyId, var payload])
            throw new CryptographicException("The value is not in the v1 protected format.");
        if (keyId != _keyId)
            throw new CryptographicException($"The value was protected with key {keyId}, not the configured key {_keyId}.");
        var data = Convert.FromBase64String(payload);
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("The protected value is truncated.");
        var cipherLength = data.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, cipherLength), data.AsSpan(NonceSize + cipherLength), plain, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plain);
    }
}
