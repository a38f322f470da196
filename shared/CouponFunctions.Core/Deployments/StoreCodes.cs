using System.Security.Cryptography;
using System.Text;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Deployments;

/// <summary>Per-store codes that are the same on every retry: prefix + a suffix hashed from the template and the store, so
/// that after a crash the deploy finds the coupon it may already have created instead of making a second one.</summary>
public static class StoreCodes
{
    // No 0/O or 1/I: operators read these codes to buyers. Letters and digits only: every platform accepts them.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <param name="seed">What makes the code differ between templates: the template id (or "inline:" and the name for an unsaved one).</param>
    public static string For(string prefix, string seed, StoreId store, int suffixLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        ArgumentOutOfRangeException.ThrowIfLessThan(suffixLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(suffixLength, 8);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{store.Value}"));
        var value = BitConverter.ToUInt64(hash, 0);
        var suffix = new char[suffixLength];
        for (var i = 0; i < suffixLength; i++)
        {
            suffix[i] = Alphabet[(int)(value % (ulong)Alphabet.Length)];
            value /= (ulong)Alphabet.Length;
        }

        return prefix + new string(suffix);
    }
}
