using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// Records a sync's claimed/used changes as coupon-day rows (<see cref="SnapshotPlanner"/>) before the coupons are written:
/// a run that stops after this and before the coupon write sees the same change again next time and writes the same row
/// (an upsert), so nothing is lost or counted twice. Writes nothing, and reads nothing, when no figure moved. A run reads
/// the store's rows of the day once (<see cref="RunDay"/>) and keeps them up to date page by page, so the totals are summed
/// in memory instead of re-reading the day after every page. The store's day totals are written once, when the run has
/// listed everything (<see cref="SaveTotalsAsync"/>): a tenant's day is one record every store's run writes, and dozens of
/// runs writing it after every page fought over it (B1 saw 11,589 lost races in one full sync).
/// </summary>
public sealed class SnapshotRecorder(ICouponSnapshots snapshots, ICouponCampaigns campaigns)
{
    /// <summary>One sync run's copy of the store's coupon-day rows for the day it records (one run per store at a time).</summary>
    public sealed class RunDay
    {
        internal DateOnly Day { get; set; }

        internal Dictionary<string, CouponDayFigures>? Rows { get; set; }

        /// <summary>The store's coupon campaigns, read once per run when a figure first moves (the totals split by them).</summary>
        internal Task<IReadOnlyDictionary<string, string>>? Campaigns { get; set; }

        /// <summary>Rows were written that the day's totals do not count yet.</summary>
        internal bool TotalsBehind { get; set; }
    }

    /// <summary>
    /// The coupon-day rows one page of writes needs, planned against the run's copy of the day and kept there at once, so
    /// the next page plans against it while this page's rows are still being written (<see cref="SaveAsync"/>). Pages are
    /// planned one at a time, in page order; reads the day's rows and the campaigns only the first time a figure moves.
    /// Null when no figure moved.
    /// </summary>
    public async Task<PageRows?> PlanAsync(
        Store store, IReadOnlyDictionary<string, StoredCoupon> stored, IReadOnlyList<CouponWrite> writes, DateTimeOffset now, RunDay run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var moved = writes
            .Select(w => (Before: stored.GetValueOrDefault(w.Next.Id), After: w.Next.Coupon))
            .Where(c => c.Before is null
                ? (c.After.ClaimedCount ?? 0) != 0 || (c.After.UsedCount ?? 0) != 0
                : c.Before.Coupon.ClaimedCount != c.After.ClaimedCount || c.Before.Coupon.UsedCount != c.After.UsedCount)
            .ToList();
        if (moved.Count == 0) return null;
        var day = StoreDay(store, now);
        if (run.Rows is null || run.Day != day)
        {
            run.Rows = new Dictionary<string, CouponDayFigures>(await snapshots.GetDayAsync(store.TenantId, store.Id, day, cancellationToken), StringComparer.Ordinal);
            run.Day = day;
        }
        var rows = SnapshotPlanner.Plan(day, moved, run.Rows);
        if (rows.Count == 0) return null;
        // Read beside the listing, not before the next page: it is a query of the store's partition, which Azurite answers
        // by scanning the whole Coupons table (48 runs waiting 4-7 s on it at once held every platform's ramp-up back).
        run.Campaigns ??= campaigns.GetStoreAsync(store.TenantId, store.Id, cancellationToken);
        // The run's totals count these rows from now on; a run whose write of them fails does not finish, so it never
        // writes totals from them.
        run.TotalsBehind = true;
        foreach (var row in rows) run.Rows[row.CouponId] = row;
        return new PageRows(day, rows);
    }

    /// <summary>Writes a page's planned rows: before the page's coupons, so a run that stops in between writes them again.</summary>
    public Task SaveAsync(Store store, PageRows rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return snapshots.SaveDayAsync(store.TenantId, store.Id, rows.Day, rows.Rows, null, cancellationToken);
    }

    /// <summary>The coupon-day rows of one page of a run, planned by <see cref="PlanAsync"/>.</summary>
    public sealed record PageRows(DateOnly Day, IReadOnlyList<CouponDayFigures> Rows);

    /// <summary>
    /// Starts the run's day with no coupon-day rows and nothing read: for a store's first sync, which has none stored (only a
    /// sync run writes them).
    /// </summary>
    public static void StartWithoutRows(Store store, RunDay run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        run.Day = StoreDay(store, now);
        run.Rows = new Dictionary<string, CouponDayFigures>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes the store's totals of the run's day from its rows, once the run has listed everything: when this run wrote rows,
    /// and after a run that did not finish (<paramref name="afterUnfinishedRun"/>), which may have written rows and stopped
    /// before their totals; then the day's rows are read again. Writes nothing otherwise, and the store never writes the same
    /// totals twice (the day record is left as it is when they are equal).
    /// </summary>
    public async Task SaveTotalsAsync(Store store, RunDay run, bool afterUnfinishedRun, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.TotalsBehind && !afterUnfinishedRun) return;
        if (run.Rows is null)
        {
            run.Day = StoreDay(store, now);
            run.Rows = new Dictionary<string, CouponDayFigures>(await snapshots.GetDayAsync(store.TenantId, store.Id, run.Day, cancellationToken), StringComparer.Ordinal);
        }
        if (run.Rows.Count == 0) return;
        run.Campaigns ??= campaigns.GetStoreAsync(store.TenantId, store.Id, cancellationToken);
        var storeCampaigns = await run.Campaigns;
        var rows = run.Rows.Values.ToList();
        await snapshots.SaveDayAsync(store.TenantId, store.Id, run.Day, [], StoreDayTotals.Sum(store.Id, run.Day, rows[0].Currency, rows, storeCampaigns), cancellationToken);
        run.TotalsBehind = false;
    }

    private static DateOnly StoreDay(Store store, DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, store.TimeZone).DateTime);
}
