using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Core.Customers.Import;

/// <summary>
/// The external ids seen so far, as 64-bit hashes: 1,000,000 ids take about 20 MB instead of the ids themselves. Two
/// different ids share a hash with probability n²/2⁶⁵ (about 3·10⁻⁸ at a million rows); the ids are not secret, so a
/// truncated SHA-256 of the UTF-8 text is enough and stable across processes (string.GetHashCode is not).
/// </summary>
internal sealed class DuplicateIdSet
{
    private readonly HashSet<ulong> seen = [];

    public int Count => seen.Count;

    /// <summary>True the first time an id is seen, false for a duplicate.</summary>
    public bool Add(string id)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(id);
        SHA256.HashData(bytes, hash);
        return seen.Add(BitConverter.ToUInt64(hash));
    }
}
