using CouponFunctions.Core.Common;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Coupons;

/// <summary>One coupon in full: the unified and raw platform fields, what sync saw change, and its open findings.</summary>
public sealed record CouponDetail(Store Store, StoredCoupon Coupon, IReadOnlyList<CouponHistoryEntry> History, IReadOnlyList<TrackedFinding> Findings);

/// <summary>Reads a coupon's detail for a caller who may see its store.</summary>
public sealed class GetCouponDetailHandler(IStoreRepository stores, ICouponRepository coupons, IInspectionRepository inspections)
{
    public async Task<Result<CouponDetail>> HandleAsync(Caller caller, StoreId storeId, string couponId, CancellationToken cancellationToken = default)
    {
        var store = caller.CanSee(storeId) ? await stores.GetAsync(caller.TenantId, storeId, cancellationToken) : null;
        var coupon = store is null ? null : await coupons.GetAsync(caller.TenantId, storeId, couponId, cancellationToken);
        if (store is null || coupon is null) return Result<CouponDetail>.NotFound($"No coupon '{couponId}' in store '{storeId}'.");
        const int maxHistory = 100;
        var historyTask = coupons.GetHistoryAsync(caller.TenantId, storeId, couponId, maxHistory, cancellationToken);
        var runTask = inspections.GetLatestRunAsync(caller.TenantId, storeId, cancellationToken);
        await Task.WhenAll(historyTask, runTask);
        var findings = (await runTask)?.Findings.Where(f => f.IsOpen && f.Finding.PlatformCouponId == couponId).ToList() ?? [];
        // The oldest entry, the first sighting, lives on the coupon's row, read above.
        var history = await historyTask;
        if (history.Count < maxHistory && coupon.FirstSighting is { } first) history = [.. history, first];
        return Result<CouponDetail>.Ok(new CouponDetail(store, coupon, history, findings));
    }
}
