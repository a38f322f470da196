using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Coupons.Campaigns;

/// <summary>
/// The campaign each coupon of a store belongs to. It is our own tag (the platforms do not know it), so it is kept beside
/// the coupons rather than in them: sync never writes it and a re-sync of unchanged stores writes nothing.
/// </summary>
public interface ICouponCampaigns
{
    /// <summary>The store's tagged coupons: platform coupon id → campaign name.</summary>
    Task<IReadOnlyDictionary<string, string>> GetStoreAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tags the coupons with <paramref name="campaign"/> (null clears it) and refreshes what the coupon list shows for the
    /// store. Absolute values by deterministic keys: safe to repeat.
    /// </summary>
    Task SetAsync(TenantId tenantId, StoreId storeId, IReadOnlyCollection<string> couponIds, string? campaign, CancellationToken cancellationToken = default);
}
