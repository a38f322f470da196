using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Deployments;

/// <summary>One coupon to create: the job, the store and, for a clone, the coupon it copies (which keys the attempt row).</summary>
public sealed record CreateRequest(TenantId TenantId, JobId JobId, StoreId StoreId, string? SourceCouponId, CouponDraft Draft);

/// <summary>The item's outcome, or null with the instant to look again (an attempt may still be settling).</summary>
public sealed record CreateResult(ItemOutcome? Outcome, DateTimeOffset? LookAgainAt);

/// <summary>
/// The one create path of deployments and clones: with the store's coupons as listed on the platform just now and the
/// attempt row read before, <see cref="AdoptOrCreate"/> decides; a create is made only after its attempt row was written
/// (ETag-guarded, so two runs never both create), and the created coupon is recorded on that row at once.
/// </summary>
public sealed class CouponCreator(ICreateAttemptRepository attempts, TimeSpan settleTime, TimeProvider time)
{
    /// <param name="attempt">The request's attempt row as read before (see <see cref="ICreateAttemptRepository.GetAsync"/>), or null.</param>
    /// <param name="listed">The store's coupons as the platform lists them now (not the synced list).</param>
    public async Task<CreateResult> CreateOnceAsync(
        IPlatformConnector connector, StoreConnection connection, CreateRequest request, CreateAttempt? attempt, IReadOnlyCollection<Coupon> listed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(request);
        var (tenant, draft) = (request.TenantId, request.Draft);
        var decision = AdoptOrCreate.Decide(request.JobId, request.StoreId, draft, attempt, listed, time.GetUtcNow(), settleTime, request.SourceCouponId);
        switch (decision.Step)
        {
            case CreateStep.Adopt:
                if (attempt is { CreatedCouponId: null }) await attempts.MarkCreatedAsync(tenant, attempt, decision.CouponId!, cancellationToken);
                return new(ItemOutcome.Created(decision.CouponId!, adopted: true), null);
            case CreateStep.Ambiguous:
                return new(ItemOutcome.Ambiguous(decision.Reason), null);
            case CreateStep.LookAgainLater:
                return new(null, decision.LookAgainAt);
        }

        var saved = await attempts.SaveAsync(tenant, decision.Attempt!, cancellationToken);
        // Another run wrote the attempt first: it may be creating right now, so look again later.
        if (!saved.IsOk) return new(null, time.GetUtcNow() + settleTime);
        var created = await connector.CreateCouponAsync(connection, draft, cancellationToken);
        if (!created.Succeeded) return new(ItemOutcome.FromPlatformError(created.Error), null);
        await attempts.MarkCreatedAsync(tenant, saved.Value!, created.Value.PlatformCouponId, cancellationToken);
        return new(ItemOutcome.Created(created.Value.PlatformCouponId), null);
    }
}
