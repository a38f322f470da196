using System.Security.Cryptography;
using System.Text.Json;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Sync;

/// <summary>A content hash of a coupon, so that sync writes only coupons whose content changed.</summary>
public static class CouponHash
{
    public static string Compute(Coupon coupon)
    {
        // Dictionaries serialize in insertion order, which the platform may vary: sort them so equal content hashes equal.
        var canonical = coupon with
        {
            PlatformFields = new SortedDictionary<string, string>(coupon.PlatformFields.ToDictionary(), StringComparer.Ordinal),
            ProductIds = coupon.ProductIds.Order(StringComparer.Ordinal).ToList(),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical, MessageJson.Options);
        return Convert.ToBase64String(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
