using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Performance;

/// <summary>The dashboard's reads for the stores the caller sees (disabled stores left out): daily figures and the diagnosis.</summary>
public sealed class GetPerformanceHandler(IStoreRepository stores, ICouponSnapshots snapshots, ICouponReadModel coupons, IReportingSettingsRepository settings)
{
    /// <summary>The longest period one request covers.</summary>
    public const int MaxDays = 366;

    public async Task<PerformanceReport> DailyAsync(Caller caller, DateOnly from, DateOnly to, PerformanceGrouping groupBy, CancellationToken cancellationToken = default)
    {
        // Three reads at once: the stores, the settings and every store's totals of the period (one key range of the tenant).
        var visible = VisibleAsync(caller, cancellationToken);
        var reporting = settings.GetAsync(caller.TenantId, cancellationToken);
        var totals = snapshots.GetTotalsAsync(caller.TenantId, from, to, cancellationToken);
        var byStore = (await totals).GroupBy(t => t.StoreId).ToDictionary(g => g.Key, g => (IReadOnlyList<StoreDayTotals>)g.ToList());
        var rows = (await visible).Select(s => (s, byStore.GetValueOrDefault(s.Id) ?? [])).ToList();
        return PerformanceReport.Build(from, to, groupBy, await reporting, rows);
    }

    public async Task<(IReadOnlyList<DiagnosedCoupon> Coupons, int WithoutQuantity, DiagnosisThresholds Thresholds)> DiagnoseAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var visible = (await VisibleAsync(caller, cancellationToken)).Select(s => s.Id).ToHashSet();
        var reporting = await settings.GetAsync(caller.TenantId, cancellationToken);
        var rows = (await coupons.GetRowsAsync(caller.TenantId, cancellationToken)).Where(r => visible.Contains(r.StoreId));
        var (diagnosed, without) = CouponDiagnosis.Diagnose(rows, reporting.Thresholds);
        return (diagnosed, without, reporting.Thresholds);
    }

    private async Task<List<Store>> VisibleAsync(Caller caller, CancellationToken cancellationToken) =>
        (await stores.ListAsync(caller.TenantId, cancellationToken)).Where(s => caller.CanSee(s.Id) && s.Status != StoreStatus.Disabled).ToList();
}
