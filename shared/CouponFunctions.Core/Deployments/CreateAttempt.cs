using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Deployments;

/// <summary>The row a deploy or clone activity writes before it asks a platform to create a coupon (creating is not idempotent
/// at any platform). Keyed by job, store and (for a clone) the source coupon; read back on every retry before anything else.</summary>
/// <param name="Code">The deterministic code sent (null where the platform takes none: then name and window identify it).</param>
/// <param name="PreexistingCouponIds">Coupons that already matched before the first create: never adopted as ours.</param>
/// <param name="CreatedCouponId">Set once the create call answered; from then on the item is done.</param>
public sealed record CreateAttempt(
    JobId JobId,
    StoreId StoreId,
    string? Code,
    string Name,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    DateTimeOffset FirstAttemptAt,
    DateTimeOffset LastAttemptAt,
    int Attempts,
    IReadOnlyList<string> PreexistingCouponIds,
    string? CreatedCouponId = null)
{
    /// <summary>For a clone: the coupon it copies (a bulk action creates one coupon per selected coupon, so the attempt is
    /// keyed by both); null for a deployment (one coupon per store).</summary>
    public string? SourceCouponId { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag), set by storage.</summary>
    public string? Version { get; init; }

    public CreateAttempt Created(string couponId) => this with { CreatedCouponId = couponId };
}
