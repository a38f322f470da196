using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Campaigns;

/// <summary>A campaign as the coupons carry it: its name, its tag, the stores that carry at least one of its coupons, and
/// how many coupons. The deploy wizard chooses stores by it.</summary>
public sealed record CampaignStores(string Name, string Tag, IReadOnlyList<StoreId> StoreIds, int Coupons)
{
    /// <summary>One entry per campaign tag among the rows the coupon list shows by default (not removed, not archived) of
    /// <paramref name="visible"/> stores, sorted by name. Names that differ only in case or punctuation are one campaign (one
    /// tag); it is shown by the name most of its coupons carry.</summary>
    public static IReadOnlyList<CampaignStores> From(IEnumerable<CouponListRow> rows, IReadOnlySet<StoreId> visible)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(visible);
        return rows
            .Where(r => r is { Campaign: not null, RemovedAt: null, IsArchived: false } && visible.Contains(r.StoreId))
            .GroupBy(r => CouponCampaign.Tag(r.Campaign!), StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .Select(g => new CampaignStores(
                g.GroupBy(r => r.Campaign!, StringComparer.Ordinal).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key,
                g.Key,
                [.. g.Select(r => r.StoreId).Distinct().OrderBy(s => s.Value, StringComparer.Ordinal)],
                g.Count()))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Tag, StringComparer.Ordinal)
            .ToList();
    }
}
