using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// One coupon's figures on one store-local day: the cumulative claimed and used counts at the start of the day (the last
/// figures known before it) and now, so the day's claims and uses need no earlier rows. Written only when the figures
/// change; a day without a row had no change.
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
public sealed record StoreDayTotals(StoreId StoreId, DateOnly Day, int Claims, int Uses, decimal DiscountGiven, decimal MinOrderValue, string Currency)
{
    public static StoreDayTotals Sum(StoreId storeId, DateOnly day, string currency, IEnumerable<CouponDayFigures> figures)
    {
        int claims = 0, uses = 0;
        decimal discount = 0, minOrder = 0;
        foreach (var f in figures)
        {
            claims += f.Claims;
            uses += f.Uses;
            discount += f.Uses * (f.DiscountPerUse ?? 0);
            minOrder += f.Uses * (f.MinSpend ?? 0);
        }
        return new StoreDayTotals(storeId, day, claims, uses, discount, minOrder, currency);
    }
}

/// <summary>Daily coupon figures per store: coupon-day rows and the store-day totals rebuilt from them.</summary>
public interface ICouponSnapshots
{
    /// <summary>The store's coupon rows of <paramref name="day"/>, by coupon id.</summary>
    Task<IReadOnlyDictionary<string, CouponDayFigures>> GetDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Upserts the coupon rows of <paramref name="day"/> and the day's store totals (computed by the caller over all of
    /// that day's rows), the totals in the same entity-group transaction as the last rows: a run that stops part-way leaves
    /// coupons whose rows are missing, which move again on the next run and write rows and totals then.</summary>
    Task SaveDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, IReadOnlyList<CouponDayFigures> figures, StoreDayTotals totals, CancellationToken cancellationToken = default);

    /// <summary>The store's day totals from <paramref name="from"/> to <paramref name="to"/> (inclusive), days without change left out.</summary>
    Task<IReadOnlyList<StoreDayTotals>> GetTotalsAsync(TenantId tenantId, StoreId storeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
