using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Sync;

/// <summary>A coupon as sync keeps it: the unified coupon, its content hash and what sync knows about its life.</summary>
/// <param name="StockOutSince">Set when an ongoing coupon's stock hit zero (and the alert was raised); cleared when stock returns.</param>
/// <param name="FirstRunId">The run that first saw the coupon: its first history entry (at <paramref name="FirstSeenAt"/>, no
/// changes) is kept on the row rather than as a history row of its own. Null on rows written before it was kept.</param>
/// <param name="Day">The store-local day the claimed or used count last moved, with the counts that day started from: the
/// coupon's figures for that day (<see cref="Performance.SnapshotPlanner"/>). Null while neither count has ever moved.</param>
public sealed record StoredCoupon(
    Coupon Coupon,
    string Hash,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastChangedAt,
    DateTimeOffset? RemovedAt = null,
    DateTimeOffset? StockOutSince = null,
    string? FirstRunId = null,
    CouponDayStart? Day = null)
{
    public string Id => Coupon.PlatformCouponId;

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>The oldest history entry, the run that first saw the coupon (no changes); null on rows written before it was kept.</summary>
    public CouponHistoryEntry? FirstSighting => FirstRunId is { } runId ? new CouponHistoryEntry(FirstSeenAt, runId, []) : null;
}

/// <summary>A store-local day and the cumulative claimed and used counts a coupon started it with (the last known before it).</summary>
public sealed record CouponDayStart(DateOnly Day, int Claimed, int Used);

/// <summary>One field sync saw change on a coupon.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>One change of a coupon, and when sync saw it.</summary>
public sealed record CouponHistoryEntry(DateTimeOffset At, string RunId, IReadOnlyList<FieldChange> Changes);

/// <summary>What a write does to a coupon row.</summary>
public enum CouponWriteKind
{
    Created,
    Updated,
    Removed,
}

/// <summary>An alert that must go out once a write is committed (kept as a pending row beside the coupon until sent).</summary>
public sealed record PendingAlert(string Key, string Kind, string CouponId, DateTimeOffset RaisedAt);

/// <summary>One coupon row to persist with, atomically, its history entry and any alert it raises.</summary>
public sealed record CouponWrite(CouponWriteKind Kind, StoredCoupon Next, IReadOnlyList<FieldChange> Changes, PendingAlert? Alert);
