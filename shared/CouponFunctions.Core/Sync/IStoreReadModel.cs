using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sync;

/// <summary>The per-store segment of the tenant's coupon list read model, rebuilt after sync changes a store.</summary>
public interface IStoreReadModel
{
    Task WriteCouponsAsync(Store store, IReadOnlyCollection<StoredCoupon> coupons, DateTimeOffset now, CancellationToken cancellationToken = default);
}
