using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Inspections;

/// <summary>What one store's inspection looks at.</summary>
/// <param name="Store">The store; its time zone decides "today" and the expiry window.</param>
/// <param name="Coupons">Its coupons as last synced, without those the platform no longer returns.</param>
/// <param name="SyncHealth">How its sync has been going; <see cref="StoreSyncHealth.Never"/> when it never ran.</param>
/// <param name="Now">The inspection instant (from the injected clock).</param>
public sealed record StoreInspectionInput(Store Store, IReadOnlyList<Coupon> Coupons, StoreSyncHealth SyncHealth, DateTimeOffset Now);
