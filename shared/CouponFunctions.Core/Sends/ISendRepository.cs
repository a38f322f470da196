using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sends;

/// <summary>
/// Send rows (ETag-guarded) and the one-unfinished-send-per-segment marker: a Scheduled or Running send holds its segment's
/// marker, written in the same transaction as the send, so two requests cannot both pass the rule; a finished or cancelled
/// send gives the marker up in the transaction that finishes it.
/// </summary>
public interface ISendRepository
{
    /// <summary>Writes a new Scheduled send: Conflict (naming the send) when the segment has an unfinished send.</summary>
    Task<Result<SegmentSend>> CreateAsync(SegmentSend send, CancellationToken cancellationToken = default);

    Task<SegmentSend?> GetAsync(TenantId tenantId, SendId id, CancellationToken cancellationToken = default);

    /// <summary>The tenant's sends, newest scheduled first (optionally one segment's).</summary>
    Task<IReadOnlyList<SegmentSend>> ListAsync(TenantId tenantId, SegmentId? segmentId = null, CancellationToken cancellationToken = default);

    /// <summary>Scheduled sends of every tenant whose time has come (at most <paramref name="max"/>), for the timer that starts them:
    /// read from the due index (entries written before a send is scheduled or moved), not from the sends; entries whose send is
    /// gone, no longer Scheduled or moved to another time are removed on the way.</summary>
    Task<IReadOnlyList<SegmentSend>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Removes the send's due-index entry once its run has been started (its orchestration instance exists), so the
    /// timer does not read it again; safe to call twice.</summary>
    Task RemoveDueAsync(SegmentSend send, CancellationToken cancellationToken = default);

    /// <summary>The segment's Scheduled or Running send, if any.</summary>
    Task<SegmentSend?> GetUnfinishedAsync(TenantId tenantId, SegmentId segmentId, CancellationToken cancellationToken = default);

    /// <summary>Writes a transition from <see cref="SendStateMachine"/> if the row is still at <see cref="SegmentSend.Version"/>:
    /// Conflict when it changed (a cancel racing a start). A finished send releases its segment's marker.</summary>
    Task<Result<SegmentSend>> UpdateAsync(SegmentSend send, CancellationToken cancellationToken = default);

    /// <summary>The send's coupon allocation and its version (null before the first save).</summary>
    Task<(QuantityAllocation Allocation, string Version)?> GetAllocationAsync(TenantId tenantId, SendId id, CancellationToken cancellationToken = default);

    /// <summary>Saves the allocation if still at <paramref name="version"/> (null: only if none exists); Conflict when a concurrent wave took units first.</summary>
    Task<Result<string>> SaveAllocationAsync(TenantId tenantId, SendId id, QuantityAllocation allocation, string? version, CancellationToken cancellationToken = default);
}

/// <summary>One member of a send's snapshot: row <see cref="Index"/> of 0..N-1, with the contact for each channel it gets a message on.</summary>
public sealed record SendRecipient(int Index, CustomerId CustomerId, string? Email, string? Mobile)
{
    public string? To(ContactChannel channel) => channel == ContactChannel.Email ? Email : Mobile;
}

/// <summary>A completed member snapshot: recipient rows 0..Total-1, the messages they get and the members failed at the snapshot.</summary>
public sealed record SnapshotSummary(int Total, int Messages, int Failures);

/// <summary>Counts of a send's outcome rows by state.</summary>
public sealed record OutcomeCounts(int Attempted, int Sent, int Failed);

/// <summary>
/// A send's recipient snapshot and its per-(send, customer, channel) outcome rows: the record-before-call rule lives here —
/// <see cref="TryRecordAttemptAsync"/> writes Attempted before the provider is called, so a retried activity finds it and
/// does not send again (see <see cref="DeliveryDecision"/>).
/// </summary>
public interface ISendRecipientStore
{
    /// <summary>Writes snapshot rows (idempotent: a retried snapshot rewrites the same rows), in transactions of up to 100.</summary>
    Task WriteRecipientsAsync(TenantId tenantId, SendId sendId, IEnumerable<SendRecipient> recipients, CancellationToken cancellationToken = default);

    /// <summary>The send's completed snapshot, once <see cref="SaveSnapshotAsync"/> recorded it.</summary>
    Task<SnapshotSummary?> GetSnapshotAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default);

    /// <summary>Records the snapshot as complete unless one is recorded already; either way the one that stands (the first).</summary>
    Task<SnapshotSummary> SaveSnapshotAsync(TenantId tenantId, SendId sendId, SnapshotSummary snapshot, CancellationToken cancellationToken = default);

    /// <summary>Rows [from, from + count) in index order.</summary>
    Task<IReadOnlyList<SendRecipient>> ReadRecipientsAsync(TenantId tenantId, SendId sendId, int from, int count, CancellationToken cancellationToken = default);

    Task<RecipientOutcome?> GetOutcomeAsync(TenantId tenantId, SendId sendId, CustomerId customerId, ContactChannel channel, CancellationToken cancellationToken = default);

    /// <summary>The outcome rows of these customers on a channel (a wave's range, read concurrently).</summary>
    Task<IReadOnlyDictionary<CustomerId, RecipientOutcome>> GetOutcomesAsync(
        TenantId tenantId, SendId sendId, ContactChannel channel, IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default);

    /// <summary>Inserts the Attempted row unless a row exists: (true, the row written), or (false, the row already there) — then
    /// the caller decides again from that row (<see cref="DeliveryDecision"/>) and never calls the provider blindly.</summary>
    Task<(bool Recorded, RecipientOutcome Current)> TryRecordAttemptAsync(TenantId tenantId, RecipientOutcome attempt, CancellationToken cancellationToken = default);

    /// <summary>Inserts the rows (Attempted rows before their calls, a wave's Failed rows) in entity-group transactions, each row
    /// only where none exists: the rows found instead (not written) come back by customer, and the caller decides again from them.</summary>
    Task<IReadOnlyDictionary<CustomerId, RecipientOutcome>> AddOutcomesAsync(TenantId tenantId, SendId sendId, IReadOnlyList<RecipientOutcome> outcomes, CancellationToken cancellationToken = default);

    /// <summary>Marks recipients [from, from + count) of a channel as taken up by a wave, before any of their rows is written, and
    /// answers which of them an earlier wave may have taken up already (only those can have outcome rows to read first).</summary>
    Task<WaveMarks> MarkWaveAsync(TenantId tenantId, SendId sendId, ContactChannel channel, int from, int count, CancellationToken cancellationToken = default);

    /// <summary>Records a wave's batch of messages (its id, when, which recipients) before the batch call, in one row keyed by the
    /// wave's range, unless that range's batch is recorded already: either way the batch that stands (the first). A retried wave
    /// sends its recipients again under that batch's id, which the sink answers from its first record.</summary>
    Task<WaveBatch> RecordBatchAsync(TenantId tenantId, SendId sendId, WaveBatch batch, CancellationToken cancellationToken = default);

    /// <summary>The recorded batches of a channel holding any of recipients [from, from + count).</summary>
    Task<IReadOnlyList<WaveBatch>> GetBatchesAsync(TenantId tenantId, SendId sendId, ContactChannel channel, int from, int count, CancellationToken cancellationToken = default);

    /// <summary>Writes the final Sent or Failed row (replacing the Attempted one).</summary>
    Task SaveOutcomeAsync(TenantId tenantId, RecipientOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Writes final rows in transactions (the snapshot's no-contact rows, a wave's insufficient-quantity tail).</summary>
    Task SaveOutcomesAsync(TenantId tenantId, SendId sendId, IEnumerable<RecipientOutcome> outcomes, CancellationToken cancellationToken = default);

    /// <summary>A page of outcome rows (optionally only one state) in key order.</summary>
    Task<ItemPage<RecipientOutcome>> ListOutcomesAsync(TenantId tenantId, SendId sendId, DeliveryState? state, int pageSize, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>Every outcome row counted by state (reads them all).</summary>
    Task<OutcomeCounts> CountOutcomesAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default);

    /// <summary>The rows not sent (attempted or failed) counted; Sent is 0. Reads only those rows, usually few.</summary>
    Task<OutcomeCounts> CountUnsentAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default);

    /// <summary>The Failed rows, streamed (for the failure report).</summary>
    IAsyncEnumerable<RecipientOutcome> StreamFailedAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default);
}

/// <summary>The recipient indices of a wave's range that earlier waves of the channel took up (half-open ranges): only their
/// outcome rows may exist, so only they are read before the wave decides.</summary>
public sealed record WaveMarks(IReadOnlyList<(int From, int Until)> Taken)
{
    public static WaveMarks None { get; } = new([]);

    public bool Contains(int index) => Taken.Any(r => index >= r.From && index < r.Until);
}

/// <summary>A wave's batch: the messages to recipients <paramref name="Members"/> (indices within [From, From + Count)) of a
/// channel handed to a batch sink as <paramref name="Id"/> at <paramref name="At"/>; recorded once, before the call, in place of
/// an Attempted row per message.</summary>
public sealed record WaveBatch(ContactChannel Channel, int From, int Count, string Id, DateTimeOffset At, IReadOnlyList<int> Members)
{
    public bool Holds(int index) => index >= From && index < From + Count && Members.Contains(index);
}

/// <summary>Whether a report can be downloaded, and the link when it can.</summary>
public sealed record ReportDownload(ReportAccess Access, Uri? Link, DateTimeOffset ExpiresAt);

/// <summary>A send's failure report: the CSV in blob storage and a read-only link that ends 7 days after the send finished.</summary>
public interface ISendFailureReports
{
    /// <summary>Writes (or rewrites) the report from the send's Failed rows; the number of rows written.</summary>
    Task<int> WriteAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default);

    /// <summary>Available with a link valid until 7 days after <paramref name="finishedAt"/>, or Expired (answer 410).</summary>
    Task<ReportDownload> LinkAsync(TenantId tenantId, SendId sendId, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);
}
