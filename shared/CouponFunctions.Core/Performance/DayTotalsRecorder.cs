using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// Writes a store's day totals for the dashboard once a sync run has listed everything. The day's figures are on the coupon
/// rows themselves (<see cref="SnapshotPlanner"/>), so the totals are summed from the run's copy of the store's coupons:
/// nothing is read back. A tenant's day is one record every store's run writes, so a run writes it once, at its end
/// (dozens of runs writing it after every page fought over it: B1 saw 11,589 lost races in one full sync), and only when
/// a figure moved or an earlier run stopped before writing its totals.
/// </summary>
public sealed class DayTotalsRecorder(IStoreDayTotals totals, ICouponCampaigns campaigns)
{
    /// <summary>What one sync run has moved of its store's day (one run per store at a time).</summary>
    public sealed class RunDay
    {
        /// <summary>The latest day a write of the run moved a figure on.</summary>
        internal DateOnly? Day { get; set; }

        /// <summary>The store's coupon campaigns, read once per run when a figure first moves (the totals split by them).</summary>
        internal Task<IReadOnlyDictionary<string, string>>? Campaigns { get; set; }

        /// <summary>Coupons were written whose figures the day's totals do not count yet.</summary>
        internal bool TotalsBehind { get; set; }
    }

    /// <summary>
    /// Notes the figures a page's writes move (against <paramref name="before"/>, the coupons as stored before them); the
    /// first move of the run starts reading the store's campaigns beside the listing (a query of the store's partition).
    /// </summary>
    public void Track(Store store, IReadOnlyDictionary<string, StoredCoupon> before, IReadOnlyList<CouponWrite> writes, RunDay run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var write in writes)
        {
            if (!SnapshotPlanner.Moved(before.GetValueOrDefault(write.Next.Id), write.Next.Coupon) || write.Next.Day is not { } start) continue;
            if (run.Day is not { } latest || start.Day > latest) run.Day = start.Day;
            run.TotalsBehind = true;
        }
        if (run.TotalsBehind) run.Campaigns ??= campaigns.GetStoreAsync(store.TenantId, store.Id, cancellationToken);
    }

    /// <summary>
    /// Writes the store's totals of the run's day from <paramref name="coupons"/> (every coupon of the store as the run left
    /// them): when the run moved a figure, and after a run that did not finish (<paramref name="afterUnfinishedRun"/>), which
    /// may have written coupons and stopped before their totals. Writes nothing otherwise, or when no coupon moved that day.
    /// </summary>
    public async Task SaveTotalsAsync(Store store, IEnumerable<StoredCoupon> coupons, RunDay run, bool afterUnfinishedRun, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        if (!run.TotalsBehind && !afterUnfinishedRun) return;
        var day = run.Day ?? StoreDay(store, now);
        var figures = SnapshotPlanner.Figures(coupons, day).ToList();
        if (figures.Count == 0) return;
        run.Campaigns ??= campaigns.GetStoreAsync(store.TenantId, store.Id, cancellationToken);
        var storeCampaigns = await run.Campaigns;
        await totals.SaveAsync(store.TenantId, StoreDayTotals.Sum(store.Id, day, figures[0].Currency, figures, storeCampaigns), cancellationToken);
        run.TotalsBehind = false;
    }

    /// <summary>The store-local day of <paramref name="now"/>: the day a figure that moves then counts on.</summary>
    public static DateOnly StoreDay(Store store, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ZoneTime.LocalDate(now, store.TimeZone);
    }
}
