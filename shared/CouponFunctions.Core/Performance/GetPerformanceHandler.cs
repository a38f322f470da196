using System.Collections.Concurrent;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Performance;

/// <summary>The dashboard's reads for the stores the caller sees (disabled stores left out): daily figures and the diagnosis.</summary>
public sealed class GetPerformanceHandler(IStoreRepository stores, IStoreDayTotals dayTotals, ICouponReadModel coupons, IReportingSettingsRepository settings)
{
    /// <summary>The longest period one request covers.</summary>
    public const int MaxDays = 366;

    // Each tenant's last placement of all its coupons: the read model answers the same rows object until a segment changes,
    // so a repeated call only picks the caller's stores out of it instead of placing 100,000 coupons again.
    private readonly ConcurrentDictionary<TenantId, PlacedRows> _placed = new();

    public async Task<PerformanceReport> DailyAsync(Caller caller, DateOnly from, DateOnly to, PerformanceGrouping groupBy, CancellationToken cancellationToken = default)
    {
        // Three reads at once: the stores, the settings and every store's totals of the period (one key range of the tenant).
        var visible = VisibleAsync(caller, cancellationToken);
        var reporting = settings.GetAsync(caller.TenantId, cancellationToken);
        var totals = dayTotals.ReadAsync(caller.TenantId, from, to, cancellationToken);
        var byStore = (await totals).GroupBy(t => t.StoreId).ToDictionary(g => g.Key, g => (IReadOnlyList<StoreDayTotals>)g.ToList());
        var rows = (await visible).Select(s => (s, byStore.GetValueOrDefault(s.Id) ?? [])).ToList();
        return PerformanceReport.Build(from, to, groupBy, await reporting, rows);
    }

    /// <summary>The visible coupons placed in the quadrant, those to act on first first (<see cref="CouponDiagnosis.ActFirst"/>),
    /// and the number without a claim rate.</summary>
    public async Task<(IReadOnlyList<DiagnosedCoupon> Coupons, int WithoutQuantity, DiagnosisThresholds Thresholds)> DiagnoseAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var visible = (await VisibleAsync(caller, cancellationToken)).Select(s => s.Id).ToHashSet();
        var reporting = await settings.GetAsync(caller.TenantId, cancellationToken);
        var rows = await coupons.GetRowsAsync(caller.TenantId, cancellationToken);
        var placed = _placed.TryGetValue(caller.TenantId, out var known) && ReferenceEquals(known.Rows, rows) && known.Thresholds == reporting.Thresholds
            ? known
            : _placed[caller.TenantId] = new PlacedRows(rows, reporting.Thresholds, Place(rows, reporting.Thresholds));
        var diagnosed = new List<DiagnosedCoupon>();
        var without = 0;
        foreach (var (storeId, coupon) in placed.Coupons)
        {
            if (!visible.Contains(storeId)) continue;
            if (coupon is null) without++;
            else diagnosed.Add(coupon);
        }
        return (diagnosed, without, reporting.Thresholds);
    }

    // Sorted here, once per read-model version, so that a call only filters: sorting 100,000 coupons cost more than the rest of the call.
    private static List<(StoreId, DiagnosedCoupon?)> Place(IReadOnlyList<CouponListRow> rows, DiagnosisThresholds thresholds)
    {
        var placed = new List<(StoreId StoreId, DiagnosedCoupon? Coupon)>();
        foreach (var row in rows)
        {
            if (CouponDiagnosis.TryPlace(row, thresholds, out var coupon)) placed.Add((row.StoreId, coupon));
        }
        return placed.OrderBy(p => p.Coupon is null ? int.MaxValue : CouponDiagnosis.ActFirst(p.Coupon.Diagnosis)).ThenBy(p => p.Coupon?.ClaimRate).ToList();
    }

    /// <summary>A tenant's coupons placed in the quadrant (null: without a claim rate), for the rows object they came from.</summary>
    private sealed record PlacedRows(IReadOnlyList<CouponListRow> Rows, DiagnosisThresholds Thresholds, IReadOnlyList<(StoreId StoreId, DiagnosedCoupon? Coupon)> Coupons);

    private async Task<List<Store>> VisibleAsync(Caller caller, CancellationToken cancellationToken) =>
        (await stores.ListAsync(caller.TenantId, cancellationToken)).Where(s => caller.CanSee(s.Id) && s.Status != StoreStatus.Disabled).ToList();
}
