using CouponFunctions.Core.Common;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Deployments;

/// <summary>The create attempts of deploy activities (one row per job and store), so a retry after a crash adopts the coupon an
/// earlier attempt created instead of creating a second one (see <see cref="AdoptOrCreate"/>).</summary>
public interface ICreateAttemptRepository
{
    /// <param name="sourceCouponId">For a clone, the coupon it copies (<see cref="CreateAttempt.SourceCouponId"/>); null for a deployment.</param>
    Task<CreateAttempt?> GetAsync(TenantId tenantId, JobId jobId, StoreId storeId, string? sourceCouponId = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the attempt <see cref="AdoptOrCreate.Decide"/> returned, before the platform call: inserted when it has no
    /// <see cref="CreateAttempt.Version"/> (Conflict if another worker wrote one first), else replaced if still at that version
    /// (Conflict if it changed). Only on Ok may the caller go on to create.</summary>
    Task<Result<CreateAttempt>> SaveAsync(TenantId tenantId, CreateAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Records the coupon the platform created (or that was adopted): the attempt with its new version, or Conflict.
    /// Safe to repeat with the same coupon id.</summary>
    Task<Result<CreateAttempt>> MarkCreatedAsync(TenantId tenantId, CreateAttempt attempt, string couponId, CancellationToken cancellationToken = default);
}
