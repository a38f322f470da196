using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Sync;

/// <summary>The fields operators care about in a coupon's history, old and new values as display text.</summary>
public static class CouponDiff
{
    private static readonly (string Field, Func<Coupon, object?> Read)[] Tracked =
    [
        ("status", c => c.Status),
        ("rawStatus", c => c.RawStatus),
        ("name", c => c.Name),
        ("code", c => c.Code),
        ("totalQuantity", c => c.TotalQuantity),
        ("claimedCount", c => c.ClaimedCount),
        ("usedCount", c => c.UsedCount),
        ("validFrom", c => c.ValidFrom),
        ("validTo", c => c.ValidTo),
        ("discountAmount", c => c.DiscountAmount),
        ("percentage", c => c.Percentage),
        ("maxDiscount", c => c.MaxDiscount),
        ("minSpend", c => c.MinSpend),
        ("perBuyerLimit", c => c.PerBuyerLimit),
        ("claimStart", c => c.ClaimStart),
        ("claimEnd", c => c.ClaimEnd),
        ("products", c => c.ProductIds.Count == 0 ? null : string.Join(",", c.ProductIds.Order(StringComparer.Ordinal))),
        ("unknown", c => c.Unknown == UnknownCouponFields.None ? null : c.Unknown),
    ];

    public static IReadOnlyList<FieldChange> Compare(Coupon before, Coupon after)
    {
        var changes = new List<FieldChange>();
        foreach (var (field, read) in Tracked)
        {
            var from = Text(read(before));
            var to = Text(read(after));
            if (!string.Equals(from, to, StringComparison.Ordinal)) changes.Add(new FieldChange(field, from, to));
        }
        return changes;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        UnknownCouponFields unknown => string.Join(",", Enum.GetValues<UnknownCouponFields>()
            .Where(f => f != UnknownCouponFields.None && unknown.HasFlag(f)).Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()))),
        Enum e => e.ToString().ToLowerInvariant(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
