using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Coupons;

/// <summary>The cross-store coupon list and its CSV export, over the stores the caller may see (disabled ones left out).</summary>
public sealed class ListCouponsHandler(ICouponReadModel readModel, IAlertSettingsRepository settings, TimeProvider time)
{
    public async Task<Result<CouponListPage>> PageAsync(Caller caller, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        var query = CouponListQuery.Parse(parameters);
        if (!query.IsOk) return query.As<CouponListPage>();
        var (rows, visible, lowStock) = await LoadAsync(caller, query.Value, cancellationToken);
        using (RequestTimings.Measure("query")) return Result<CouponListPage>.Ok(CouponListEngine.Page(rows, query.Value, visible, time.GetUtcNow(), lowStock));
    }

    public async Task<Result<IEnumerable<CouponListRow>>> ExportAsync(Caller caller, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        // Every parameter is checked as the list checks it (a bad pageSize or continuation is a 400), but paging has no
        // meaning for an export: everything that matches is written.
        var query = CouponListQuery.Parse(parameters);
        if (!query.IsOk) return query.As<IEnumerable<CouponListRow>>();
        var (rows, visible, lowStock) = await LoadAsync(caller, query.Value, cancellationToken);
        return Result<IEnumerable<CouponListRow>>.Ok(CouponListEngine.All(rows, query.Value, visible, time.GetUtcNow(), lowStock));
    }

    private async Task<(IReadOnlyList<CouponListRow> Rows, IReadOnlySet<StoreId> Visible, LowStockThreshold LowStock)> LoadAsync(Caller caller, CouponListQuery query, CancellationToken cancellationToken)
    {
        var snapshotTask = Timed("rows", () => readModel.GetSnapshotAsync(caller.TenantId, cancellationToken));
        // The tenant's threshold matters only to stock=low: other lists do not read the settings at all.
        var lowStockTask = query.Stock == StockFilter.Low ? LowStockAsync(caller.TenantId, cancellationToken) : Task.FromResult(new LowStockThreshold(0, 0));
        await Task.WhenAll(snapshotTask, lowStockTask);
        var snapshot = await snapshotTask;
        var visible = snapshot.StoreStatuses.Where(s => s.Value != StoreStatus.Disabled && caller.CanSee(s.Key)).Select(s => s.Key).ToHashSet();
        return (snapshot.Rows, visible, await lowStockTask);
    }

    // The phases run at once: each is timed on its own for the request's Server-Timing.
    private static async Task<T> Timed<T>(string name, Func<Task<T>> phase)
    {
        using (RequestTimings.Measure(name)) return await phase();
    }

    private async Task<LowStockThreshold> LowStockAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        var inspection = (await settings.GetAsync(tenantId, cancellationToken)).Inspection;
        // The same thresholds as the low-stock inspection rule (a null threshold is off, which 0 also means here).
        return new LowStockThreshold((int)Math.Round(inspection.LowStockPercent ?? 0m), inspection.LowStockCount ?? 0);
    }
}
