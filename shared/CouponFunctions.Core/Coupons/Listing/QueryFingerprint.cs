using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>A short hash of everything that decides which rows match and in what order, so a token only continues its own query.</summary>
internal static class QueryFingerprint
{
    // The page size is left out on purpose: a client may change it between pages without losing its place.
    public static ulong Of(CouponListQuery query)
    {
        var text = new StringBuilder()
            .Append("p=").AppendJoin(',', query.Platforms.Select(p => (int)p).Order())
            .Append(";s=").AppendJoin(',', query.Stores.Select(s => s.Value).Order(StringComparer.Ordinal))
            .Append(";t=").AppendJoin(',', query.Sites.Select(s => s.ToUpperInvariant()).Order(StringComparer.Ordinal))
            .Append(";c=").AppendJoin(',', query.Campaigns.Order(StringComparer.Ordinal))
            .Append(";st=").AppendJoin(',', query.Statuses.Select(s => (int)s).Order())
            .Append(";e=").Append(query.ExpiringWithinDays)
            .Append(";k=").Append(query.Stock is { } stock ? (int)stock : -1)
            .Append(";f=").Append(query.HasFindings switch { true => 1, false => 0, null => -1 })
            .Append(";a=").Append(query.IncludeArchived).Append(";r=").Append(query.IncludeRemoved)
            .Append(";o=").Append(query.Sort)
            .Append(";q=").Append(query.Text?.ToUpperInvariant())
            .ToString();
        return BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
