using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Deployments;

/// <summary>What a deploy activity does next in one store.</summary>
public enum CreateStep
{
    /// <summary>Write <see cref="CreateDecision.Attempt"/> first (ETag-guarded), then call the platform's create.</summary>
    Create,

    /// <summary>The coupon exists already (created by an earlier attempt): record it as the item's outcome, create nothing.</summary>
    Adopt,

    /// <summary>An attempt was made moments ago and its coupon may not be listed yet: look again at <see cref="CreateDecision.LookAgainAt"/>.</summary>
    LookAgainLater,

    /// <summary>More than one coupon could be ours: create nothing and fail the item for a person to check.</summary>
    Ambiguous,
}

/// <summary>The answer of <see cref="AdoptOrCreate.Decide"/>.</summary>
public sealed record CreateDecision(CreateStep Step, string? CouponId, CreateAttempt? Attempt, DateTimeOffset? LookAgainAt, string Reason);

/// <summary>"No duplicate coupon, ever": before creating, look for the coupon an earlier attempt may have created (by its
/// deterministic code, or where the platform takes no code by name and validity window) and adopt it.</summary>
public static class AdoptOrCreate
{
    /// <summary>How long a platform may take to list a coupon it has just created; within it a missing coupon is looked for again.</summary>
    public static TimeSpan DefaultSettleTime { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Platforms store times to the second or minute; a window this close is the same window.</summary>
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromMinutes(1);

    /// <param name="attempt">The attempt row of this job and store, or null when none was written yet.</param>
    /// <param name="sourceCouponId">For a clone, the coupon it copies: the attempt row is keyed by it.</param>
    /// <param name="storeCoupons">The store's coupons as read from the platform just now (not the synced list).</param>
    public static CreateDecision Decide(
        JobId jobId, StoreId storeId, CouponDraft draft, CreateAttempt? attempt, IReadOnlyCollection<Coupon> storeCoupons,
        DateTimeOffset now, TimeSpan? settleTime = null, string? sourceCouponId = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(storeCoupons);
        // The orchestration fixes the deploy instant once per job, so every retry builds the same draft; matching what the
        // attempt row recorded as well keeps the guard even if a retry's draft came out different.
        var recorded = attempt is null ? null : draft with { Code = attempt.Code, Name = attempt.Name, ValidFrom = attempt.ValidFrom, ValidTo = attempt.ValidTo };
        var matches = storeCoupons.Where(c => Matches(c, draft) || (recorded is not null && Matches(c, recorded)))
            .Select(c => c.PlatformCouponId).ToList();

        if (attempt is null)
        {
            // No attempt row means no create call was ever made (the row is written first), so any match is someone else's.
            var first = new CreateAttempt(jobId, storeId, draft.Code, draft.Name, draft.ValidFrom, draft.ValidTo, now, now, 1, matches) { SourceCouponId = sourceCouponId };
            return new CreateDecision(CreateStep.Create, null, first, null, "First attempt: nothing was created for this job in this store yet.");
        }

        if (attempt.CreatedCouponId is { } created)
            return new CreateDecision(CreateStep.Adopt, created, attempt, null, $"An earlier attempt created {created}.");

        var ours = matches.Except(attempt.PreexistingCouponIds, StringComparer.Ordinal).ToList();
        if (ours.Count == 1)
            return new CreateDecision(CreateStep.Adopt, ours[0], attempt.Created(ours[0]), null,
                $"Attempt {attempt.Attempts} was cut off after the platform created {ours[0]}; adopting it.");
        if (ours.Count > 1)
            return new CreateDecision(CreateStep.Ambiguous, null, attempt, null,
                $"{ours.Count} coupons in the store ({string.Join(", ", ours)}) match {Identity(draft)}; none was adopted and none created. Check the store and remove the extra one.");

        var settled = attempt.LastAttemptAt + (settleTime ?? DefaultSettleTime);
        if (now < settled)
            return new CreateDecision(CreateStep.LookAgainLater, null, attempt, settled,
                $"Attempt {attempt.Attempts} was made at {attempt.LastAttemptAt:u}; its coupon may not be listed yet.");

        var next = attempt with { Attempts = attempt.Attempts + 1, LastAttemptAt = now };
        return new CreateDecision(CreateStep.Create, null, next, null,
            $"Attempt {attempt.Attempts} created nothing that the store lists; trying again.");
    }

    private static bool Matches(Coupon c, CouponDraft draft) => draft.Code is { } code
        ? string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)
        : string.Equals(c.Name, draft.Name, StringComparison.Ordinal)
            && (c.ValidFrom - draft.ValidFrom).Duration() <= WindowTolerance
            && (c.ValidTo - draft.ValidTo).Duration() <= WindowTolerance;

    private static string Identity(CouponDraft d) => d.Code is { } code ? $"the code {code}" : $"the name \"{d.Name}\" and its validity window";
}
