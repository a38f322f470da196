using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Jobs;

/// <summary>Where one item of a job is.</summary>
public enum JobItemState
{
    /// <summary>Not started: a cancel turns it into <see cref="Cancelled"/>.</summary>
    Pending,

    /// <summary>An activity took it; a cancel lets it finish.</summary>
    Started,
    Succeeded,
    Failed,

    /// <summary>Nothing to do (already ended, already at that quantity), decided before any call.</summary>
    Skipped,
    Cancelled,
}

/// <summary>One store of a deployment or one coupon of a bulk action: the row that is the truth about the job.</summary>
public sealed record JobItem
{
    public required JobId JobId { get; init; }

    /// <summary>Deterministic within the job, so a retried activity overwrites its own row: see <see cref="KeyOf"/>.</summary>
    public string Key => KeyOf(StoreId, PlatformCouponId);

    public required StoreId StoreId { get; init; }

    public required string StoreName { get; init; }

    public required Platform Platform { get; init; }

    /// <summary>The coupon acted on (bulk actions) or created (deployments, once known).</summary>
    public string? PlatformCouponId { get; init; }

    /// <summary>"create", "renew", "replenish"…: see <see cref="BulkActions.BulkActionKind"/> and <see cref="CreateAction"/>.</summary>
    public required string Action { get; init; }

    /// <summary>For a bulk action: what the coupon must be left as, absolute (see <see cref="BulkActions.ActionTarget"/>); null when
    /// the item was decided before any call (refused, nothing to do) and for deployments.</summary>
    public BulkActions.ActionTarget? Target { get; init; }

    public JobItemState State { get; init; } = JobItemState.Pending;

    public ItemOutcome? Outcome { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag), set by storage; null before the first save.</summary>
    public string? Version { get; init; }

    public const string CreateAction = "create";

    /// <summary>"s-1a2b" for a deployment (one item per store), "s-1a2b|v-123" for a coupon; the platform id comes last so any
    /// character in it keeps the key unambiguous.</summary>
    public static string KeyOf(StoreId storeId, string? platformCouponId) =>
        platformCouponId is null ? storeId.Value : $"{storeId.Value}|{platformCouponId}";

    /// <summary>The item after a cancel: pending items are cancelled, started ones finish, finished ones stay.</summary>
    public JobItem Cancel(DateTimeOffset now) => State == JobItemState.Pending
        ? this with { State = JobItemState.Cancelled, Outcome = ItemOutcome.Cancelled(), FinishedAt = now }
        : this;

    /// <summary>The item once an activity has its outcome.</summary>
    public JobItem Finish(ItemOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return this with { State = outcome.State, Outcome = outcome, FinishedAt = now, PlatformCouponId = PlatformCouponId ?? outcome.CouponId };
    }
}
