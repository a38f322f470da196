using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sync;

/// <summary>The coupons of each store, with their history and pending alerts, one partition per store.</summary>
public interface ICouponRepository
{
    /// <summary>Every stored coupon of the store (removed ones too), by platform coupon id.</summary>
    Task<Dictionary<string, StoredCoupon>> LoadStoreAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default);

    Task<StoredCoupon?> GetAsync(TenantId tenantId, StoreId storeId, string couponId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Persists the writes in entity-group batches of at most 100 operations; each coupon's row, history entry and
    /// alert go in the same batch, so a coupon is never half-written. Safe to repeat: every key is deterministic.
    /// </summary>
    Task ApplyAsync(TenantId tenantId, StoreId storeId, string runId, DateTimeOffset runStartedAt, IReadOnlyList<CouponWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>The coupon's change entries, newest first, at most <paramref name="max"/>; the first sighting is on the coupon itself
    /// (<see cref="StoredCoupon.FirstSighting"/>).</summary>
    Task<IReadOnlyList<CouponHistoryEntry>> GetHistoryAsync(TenantId tenantId, StoreId storeId, string couponId, int max, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default);

    Task DeletePendingAlertAsync(TenantId tenantId, StoreId storeId, string alertKey, CancellationToken cancellationToken = default);
}
