using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// One coupon's figures on one store-local day: the cumulative claimed and used counts at the start of the day (the last
/// figures known before it) and now, so the day's claims and uses need no earlier days. Read off the coupon's row
/// (<see cref="SnapshotPlanner.Figures"/>): a coupon whose figures did not move on a day has none for it.
/// </summary>
public sealed record CouponDayFigures(
    string CouponId, DateOnly Day, int BaseClaimed, int BaseUsed, int Claimed, int Used, decimal? DiscountPerUse, decimal? MinSpend, string Currency)
{
    public int Claims => Math.Max(0, Claimed - BaseClaimed);

    public int Uses => Math.Max(0, Used - BaseUsed);
}

/// <summary>A store's totals of one day (the sum of its coupons' day figures), what the dashboard reads.</summary>
/// <param name="DiscountGiven">Uses × the discount per use (capped), in <paramref name="Currency"/>; uses of coupons whose discount is not known are left out.</param>
/// <param name="MinOrderValue">Uses × the coupon's minimum spend: the order value those uses imply at least.</param>
/// <param name="Campaigns">The same figures split by the coupons' campaigns as they were when the day was recorded ("" for
/// coupons without one); null is read as one "" entry holding the whole day.</param>
public sealed record StoreDayTotals(
    StoreId StoreId, DateOnly Day, int Claims, int Uses, decimal DiscountGiven, decimal MinOrderValue, string Currency,
    IReadOnlyList<CampaignDayTotals>? Campaigns = null)
{
    /// <summary>The day split by campaign; one "" entry when no coupon of the day had a campaign.</summary>
    public IReadOnlyList<CampaignDayTotals> ByCampaign => Campaigns ?? [new CampaignDayTotals("", Claims, Uses, DiscountGiven, MinOrderValue)];

    /// <param name="campaigns">Coupon id → campaign name for the store's tagged coupons.</param>
    public static StoreDayTotals Sum(StoreId storeId, DateOnly day, string currency, IEnumerable<CouponDayFigures> figures, IReadOnlyDictionary<string, string>? campaigns = null)
    {
        var byCampaign = new SortedDictionary<string, CampaignDayTotals>(StringComparer.Ordinal);
        foreach (var f in figures)
        {
            var campaign = campaigns?.GetValueOrDefault(f.CouponId) ?? "";
            var sum = byCampaign.GetValueOrDefault(campaign) ?? new CampaignDayTotals(campaign, 0, 0, 0, 0);
            byCampaign[campaign] = sum with
            {
                Claims = sum.Claims + f.Claims,
                Uses = sum.Uses + f.Uses,
                DiscountGiven = sum.DiscountGiven + (f.Uses * (f.DiscountPerUse ?? 0)),
                MinOrderValue = sum.MinOrderValue + (f.Uses * (f.MinSpend ?? 0)),
            };
        }
        var parts = byCampaign.Values.ToList();
        return new StoreDayTotals(storeId, day, parts.Sum(p => p.Claims), parts.Sum(p => p.Uses), parts.Sum(p => p.DiscountGiven), parts.Sum(p => p.MinOrderValue),
            currency, parts.Any(p => p.Campaign.Length > 0) ? parts : null);
    }
}

/// <summary>One campaign's share of a store's day ("" for coupons without a campaign), in the store's currency.</summary>
public sealed record CampaignDayTotals(string Campaign, int Claims, int Uses, decimal DiscountGiven, decimal MinOrderValue);

/// <summary>
/// The store-day totals, kept per tenant and day with every store side by side, so that a dashboard period reads one record
/// per day whatever the number of stores.
/// </summary>
public interface IStoreDayTotals
{
    /// <summary>Upserts the store's totals of their day (absolute values, summed by the caller over all of that day's
    /// figures): writing them again never counts twice. Sync writes them once, at the end of its run (<see cref="DayTotalsRecorder"/>).</summary>
    Task SaveAsync(TenantId tenantId, StoreDayTotals totals, CancellationToken cancellationToken = default);

    /// <summary>Every store's day totals from <paramref name="from"/> to <paramref name="to"/> (inclusive), days without change left out.</summary>
    Task<IReadOnlyList<StoreDayTotals>> ReadAsync(TenantId tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
