using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Storage.Clients.Auth;

/// <summary>A storage account name and key; signs SharedKey requests and service SAS tokens. The key never leaves this type.</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        _key = DecodeKey(accountKey) ?? throw new ArgumentException("The account key is not valid base64.", nameof(accountKey));
    }

    public string AccountName { get; }

    /// <summary>base64(HMAC-SHA256(key, UTF-8(stringToSign))).</summary>
    internal string ComputeHmacSha256(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    internal static byte[]? DecodeKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    public override string ToString() => $"StorageSharedKeyCredential({AccountName})";
}
