using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>One send of one tenant, as the orchestration's activities name it.</summary>
public sealed record SendRef(TenantId TenantId, SendId SendId);

/// <summary>
/// The three steps of running a send (see README.md, "Running"), each safe to run again: <see cref="BeginAsync"/> (start and
/// snapshot), <see cref="WaveAsync"/> (one paced wave, record before call), <see cref="FinishAsync"/> (outcome, report, email).
/// </summary>
public sealed partial class SendRunner(
    ISendRepository sends, ISendRecipientStore recipients, ISegmentRepository segments, ISegmentMembers members, IStoreRepository stores,
    ICouponRepository coupons, ICustomerRepository customers, ICustomerEmailSink email, ISmsSink sms, UnsubscribeTokens tokens,
    ISendFailureReports reports, INotificationSink notifications, IAlertSettingsRepository alertSettings, SendSettings settings, TimeProvider time)
{
    private const int SnapshotBatch = 1_000;

    private TimeProvider Time => time;

    private ISendRecipientStore Recipients => recipients;

    private IStoreRepository Stores => stores;

    private ICouponRepository Coupons => coupons;

    private ICustomerRepository Customers => customers;

    private ISendRepository Sends => sends;

    private SendSettings Settings => settings;

    private UnsubscribeTokens Tokens => tokens;

    private ICustomerEmailSink Email => email;

    private ISmsSink Sms => sms;

    /// <summary>Scheduled → Running, the member snapshot (recipient rows, no-contact rows) and the coupon allocation; null when the
    /// send must not run (cancelled, or already over). The snapshot is taken once: when it completed, a retried call (a lost
    /// reply, a crash after the snapshot) answers from the recorded summary instead of evaluating a rule segment again, so who
    /// gets the send is fixed at its start whatever changes in the segment afterwards.</summary>
    public async Task<SendRunState?> BeginAsync(SendRef run, int chunkSize, CancellationToken cancellationToken = default)
    {
        var send = await sends.GetAsync(run.TenantId, run.SendId, cancellationToken);
        if (send is null) return null;
        var started = SendStateMachine.Start(send, time.GetUtcNow());
        if (!started.IsOk) return null;
        if (started.Value!.Status != send.Status)
        {
            var written = await sends.UpdateAsync(started.Value, cancellationToken);
            if (!written.IsOk) return null;
            send = written.Value!;
        }
        else send = started.Value;

        var now = send.StartedAt ?? time.GetUtcNow();
        if (await recipients.GetSnapshotAsync(run.TenantId, run.SendId, cancellationToken) is { } taken)
            return SendRunState.Start(send.Id, taken.Total, taken.Messages, taken.Failures, send.Channels, chunkSize, now);
        var deduplicator = new RecipientDeduplicator();
        var (total, messages, failures) = (0, 0, 0);
        var rows = new List<SendRecipient>(SnapshotBatch);
        var noContact = new List<RecipientOutcome>();
        var writing = Task.CompletedTask;
        var segment = await segments.GetAsync(run.TenantId, send.SegmentId, cancellationToken);
        if (segment is not null)
        {
            try
            {
                await StreamAsync(segment);
            }
            catch (Exception)
            {
                // Nothing is left running behind the caller: the batch being written finishes (or fails) first.
                await Task.WhenAny(writing);
                throw;
            }
        }

        await FlushAsync(last: true);
        if (await sends.GetAllocationAsync(run.TenantId, run.SendId, cancellationToken) is null)
        {
            var coupon = await coupons.GetAsync(run.TenantId, send.StoreId, send.CouponId, cancellationToken);
            await sends.SaveAllocationAsync(run.TenantId, run.SendId, QuantityAllocation.Start(coupon?.Coupon.RemainingQuantity), null, cancellationToken);
        }

        var snapshot = await recipients.SaveSnapshotAsync(run.TenantId, run.SendId, new SnapshotSummary(total, messages, failures), cancellationToken);
        return SendRunState.Start(send.Id, snapshot.Total, snapshot.Messages, snapshot.Failures, send.Channels, chunkSize, now);

        async Task StreamAsync(Segment segment)
        {
            await foreach (var member in members.StreamAsync(segment, now, cancellationToken))
            {
                var entry = RecipientSnapshot.Entry(send.Id, member, send.Channels, deduplicator, now);
                if (entry.NoContact is { } failed)
                {
                    noContact.Add(failed);
                    failures++;
                }
                else if (entry.Messages.Count > 0)
                {
                    string? To(ContactChannel c) => entry.Messages.FirstOrDefault(m => m.Channel == c).To;
                    rows.Add(new SendRecipient(total++, member.Id, To(ContactChannel.Email), To(ContactChannel.Sms)));
                    messages += entry.Messages.Count;
                }

                // Each kind flushed when it fills a batch: recipient batches then end on the store's block edges (1,000).
                if (rows.Count >= SnapshotBatch || noContact.Count >= SnapshotBatch) await FlushAsync();
            }
        }

        // One batch is written while the members of the next are read (never more than one in flight: memory stays two batches).
        async Task FlushAsync(bool last = false)
        {
            await writing;
            var (batch, failed) = (rows, noContact);
            (rows, noContact) = (new List<SendRecipient>(SnapshotBatch), new List<RecipientOutcome>());
            writing = WriteAsync(batch, failed);
            if (last) await writing;
        }

        async Task WriteAsync(List<SendRecipient> batch, List<RecipientOutcome> failed)
        {
            if (batch.Count > 0) await recipients.WriteRecipientsAsync(run.TenantId, run.SendId, batch, cancellationToken);
            if (failed.Count > 0) await recipients.SaveOutcomesAsync(run.TenantId, run.SendId, failed, cancellationToken);
        }
    }

    /// <summary>
    /// One wave: recipients [From, From + Count) on one channel. Per message the outcome row decides (<see cref="DeliveryDecision"/>):
    /// Attempted is written before the provider is called, so a retried wave resends only with the same idempotency values.
    /// Messages already final in the range are counted (a retried wave reports what the lost attempt did). On 429 the untried tail
    /// comes back as Throttled with the provider's Retry-After. With <paramref name="abandon"/> (retries exhausted) every message
    /// of the range not yet final becomes a system error.
    /// </summary>
    public async Task<WaveResult> WaveAsync(SendRef run, SendStep step, SendCounts before, bool abandon, CancellationToken cancellationToken = default)
    {
        var send = await sends.GetAsync(run.TenantId, run.SendId, cancellationToken) ?? throw new InvalidOperationException($"Send {run.SendId} is gone.");
        var rows = (await recipients.ReadRecipientsAsync(run.TenantId, run.SendId, step.From, step.Count, cancellationToken))
            .Where(r => r.To(step.Channel) is not null).ToList();
        var wave = new Wave(this, run, send, step, rows);
        var result = await wave.RunAsync(abandon, cancellationToken);
        // Waves run two at a time, each knowing the counts before the other: the progress shown only moves forward.
        var counts = before with { Sent = before.Sent + result.Sent, Failed = before.Failed + result.Failed };
        if (counts.Sent + counts.Failed > send.Counts.Sent + send.Counts.Failed && SendStateMachine.Progress(send, counts) is { IsOk: true } progress)
            await sends.UpdateAsync(progress.Value!, cancellationToken);
        return result;
    }

    /// <summary>
    /// The outcome rows' counts. Each wave counted its messages from their stored outcomes (a range sent again counts them again
    /// from the rows), so the waves' sums are the rows' counts; reading the rows not sent checks that, and only a difference
    /// reads every row (for a 100,000-message send that took 34 s on Azurite, which the send's finish waited for).
    /// </summary>
    private async Task<OutcomeCounts> StoredCountsAsync(SendRef run, SendCounts counts, CancellationToken cancellationToken)
    {
        var unsent = await recipients.CountUnsentAsync(run.TenantId, run.SendId, cancellationToken);
        return FinishCounts.FromWaves(counts, unsent) ?? await recipients.CountOutcomesAsync(run.TenantId, run.SendId, cancellationToken);
    }

    /// <summary>Running → Done (something sent) or Failed, counts from the outcome rows; the failure report when something failed;
    /// the merchant's email (once: its idempotency key is the send's).</summary>
    public async Task<SegmentSend?> FinishAsync(SendRef run, SendCounts counts, CancellationToken cancellationToken = default)
    {
        var send = await sends.GetAsync(run.TenantId, run.SendId, cancellationToken);
        if (send is null) return null;
        var stored = await StoredCountsAsync(run, counts, cancellationToken);
        var final = new SendCounts(Math.Max(counts.Recipients, stored.Sent + stored.Failed + stored.Attempted), stored.Sent, stored.Failed + stored.Attempted);
        var completed = SendStateMachine.Complete(send, final, time.GetUtcNow());
        if (!completed.IsOk) return send;
        if (completed.Value!.Status != send.Status)
        {
            if (final.Failed > 0) await reports.WriteAsync(run.TenantId, run.SendId, cancellationToken);
            var written = await sends.UpdateAsync(completed.Value, cancellationToken);
            send = written.IsOk ? written.Value! : await sends.GetAsync(run.TenantId, run.SendId, cancellationToken) ?? send;
        }
        else send = completed.Value;

        if (send.FinishedAt is not { } finishedAt) return send;
        var store = await stores.GetAsync(run.TenantId, send.StoreId, cancellationToken);
        var segment = await segments.GetAsync(run.TenantId, send.SegmentId, cancellationToken);
        var coupon = await coupons.GetAsync(run.TenantId, send.StoreId, send.CouponId, cancellationToken);
        var report = send.Counts.Failed > 0 ? await reports.LinkAsync(run.TenantId, run.SendId, finishedAt, cancellationToken) : null;
        var to = (await alertSettings.GetAsync(run.TenantId, cancellationToken)).Recipients;
        var admin = new Uri(settings.AdminUrl, $"#/sends/{Uri.EscapeDataString(send.Id.Value)}");
        await notifications.SendAsync(SendCompletionEmail.Create(send, store?.DisplayName ?? send.StoreId.Value, segment?.Name ?? send.SegmentId.Value,
            coupon?.Coupon.Name ?? send.CouponId, StoreZones.Find(store?.TimeZoneId ?? "UTC"), to, admin, report?.Link), cancellationToken);
        return send;
    }
}
