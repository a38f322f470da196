using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Coupons;

/// <summary>
/// The tenant's coupon list read model: one segment per store (written by sync) plus its open findings (written by
/// inspection), served from memory and refreshed when a segment changes.
/// </summary>
public interface ICouponReadModel
{
    /// <summary>Every row of the tenant's stores, current as of the latest written segments.</summary>
    Task<IReadOnlyList<CouponListRow>> GetRowsAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    /// <summary>The rows and the tenant's stores with their status, current as of the latest writes of either.</summary>
    Task<CouponListSnapshot> GetSnapshotAsync(TenantId tenantId, CancellationToken cancellationToken = default);
}

/// <summary>The tenant's coupon rows beside its stores' statuses (the list leaves disabled stores out), read together.</summary>
public sealed record CouponListSnapshot(IReadOnlyList<CouponListRow> Rows, IReadOnlyDictionary<StoreId, StoreStatus> StoreStatuses);

/// <summary>Writes the open findings of a store into the read model (the list's "has findings" filter and badges).</summary>
public interface IFindingsReadModel
{
    Task WriteFindingsAsync(TenantId tenantId, StoreId storeId, IReadOnlyList<TrackedFinding> findings, CancellationToken cancellationToken = default);
}
