using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sync;

/// <summary>How a sync run ended.</summary>
public enum SyncRunStatus
{
    Running,
    Succeeded,
    Failed,
    Skipped,
}

/// <summary>The counts of one sync run.</summary>
/// <param name="DetailReads">Coupon details read beside the listing (Shopee get_voucher, Lazada voucher products).</param>
public sealed record SyncCounts(int Fetched, int Created, int Updated, int Unchanged, int Removed, int DetailReads = 0)
{
    public static SyncCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public int Written => Created + Updated + Removed;
}

/// <summary>Why a sync failed, as operators need it: the redacted URL, status, platform code and request id.</summary>
public sealed record SyncFailure(string Kind, string Message, string? PlatformCode, int? HttpStatus, string? RequestId, string? RequestUrl);

/// <summary>One sync run of one store.</summary>
public sealed record SyncRun(
    string RunId,
    TenantId TenantId,
    StoreId StoreId,
    string Reason,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    SyncRunStatus Status,
    SyncCounts Counts,
    SyncFailure? Failure,
    string? Note = null);

/// <summary>A store's sync state: the lease that keeps one sync per store, the last outcome, and the manual run queued
/// ("Sync now") that has not started yet.</summary>
public sealed record SyncState(
    TenantId TenantId,
    StoreId StoreId,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    SyncRunStatus? LastStatus,
    SyncFailure? LastFailure,
    int ConsecutiveFailures,
    int CouponCount,
    string? Version,
    string? QueuedRunId = null,
    DateTimeOffset? QueuedAt = null)
{
    /// <summary>The lease owner of a token refresh (it holds the store's lease briefly, but is no sync run).</summary>
    public const string TokenRefreshOwnerPrefix = "token-";

    public StoreSyncHealth ToHealth() => new(LastSuccessAt, LastAttemptAt, LastFailure?.Message, ConsecutiveFailures);

    /// <summary>True when <paramref name="owner"/> is a sync run (its run id), not a token refresh.</summary>
    public static bool IsSyncRun(string owner) => !owner.StartsWith(TokenRefreshOwnerPrefix, StringComparison.Ordinal);
}

/// <summary>The lease a sync run holds on its store; <paramref name="PreviousOwner"/> is set when it took over an expired lease.</summary>
/// <param name="FirstAttempt">True when no sync or token refresh ever held the store before (its state had no attempt): then it
/// has no coupon, history, alert or coupon-day rows yet, since only a run holding this lease writes them.</param>
public sealed record SyncLease(TenantId TenantId, StoreId StoreId, string Owner, DateTimeOffset Until, SyncState State, string? PreviousOwner = null,
    bool FirstAttempt = false)
{
    /// <summary>
    /// True when an earlier run may have written rows and stopped before its last steps (read-model segment, day totals, alert
    /// delivery): its last outcome was not a success, or it died holding the lease. Never true on the store's first attempt.
    /// </summary>
    public bool AfterUnfinishedRun => !FirstAttempt && (PreviousOwner is not null || State.LastStatus != SyncRunStatus.Succeeded);
}

/// <summary>Sync state per store (one row per store under its tenant, guarded by ETag) and the run log.</summary>
public interface ISyncStateRepository
{
    Task<SyncState?> GetAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SyncState>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    /// <summary>Takes the store's lease unless another live lease holds it; null when it does.</summary>
    Task<SyncLease?> TryAcquireAsync(TenantId tenantId, StoreId storeId, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same from the store's state as the caller read it (<see cref="GetAsync"/>, null when it has none yet), saving a
    /// read when the caller read it beside other work: a state that moved since is read again once.
    /// </summary>
    Task<SyncLease?> TryAcquireAsync(SyncState? read, TenantId tenantId, StoreId storeId, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; null when it was lost (expired and taken by someone else).</summary>
    Task<SyncLease?> RenewAsync(SyncLease lease, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Releases the lease without recording a run (token refreshes hold the same lease).</summary>
    Task ReleaseAsync(SyncLease lease, CancellationToken cancellationToken = default);

    /// <summary>Records the run's outcome on the state and releases the lease.</summary>
    Task CompleteAsync(SyncLease lease, SyncRun run, int couponCount, CancellationToken cancellationToken = default);

    Task RecordRunAsync(SyncRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// "Sync now": the run that will do it. A run already running, or a manual run queued since
    /// <paramref name="queuedSince"/> and not started, is that run (Queued false); otherwise <paramref name="runId"/> is
    /// marked queued (Queued true: the caller enqueues its message). Of racing callers exactly one queues.
    /// </summary>
    Task<(string RunId, bool Queued)> QueueManualRunAsync(TenantId tenantId, StoreId storeId, string runId, DateTimeOffset now, DateTimeOffset queuedSince,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SyncRun>> ListRunsAsync(TenantId tenantId, StoreId storeId, int max, CancellationToken cancellationToken = default);
}
