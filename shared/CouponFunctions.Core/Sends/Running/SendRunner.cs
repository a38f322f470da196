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
public sealed class SendRunner(
    ISendRepository sends, ISendRecipientStore recipients, ISegmentRepository segments, ISegmentMembers members, IStoreRepository stores,
    ICouponRepository coupons, ICustomerRepository customers, ICustomerEmailSink email, ISmsSink sms, UnsubscribeTokens tokens,
    ISendFailureReports reports, INotificationSink notifications, IAlertSettingsRepository alertSettings, SendSettings settings, TimeProvider time)
{
    private const int SnapshotBatch = 500;

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
    /// send must not run (cancelled, or already over).</summary>
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
        var deduplicator = new RecipientDeduplicator();
        var (total, messages, failures) = (0, 0, 0);
        var rows = new List<SendRecipient>(SnapshotBatch);
        var noContact = new List<RecipientOutcome>();
        var segment = await segments.GetAsync(run.TenantId, send.SegmentId, cancellationToken);
        if (segment is not null)
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

                if (rows.Count >= SnapshotBatch) await FlushAsync();
            }
        }

        await FlushAsync();
        if (await sends.GetAllocationAsync(run.TenantId, run.SendId, cancellationToken) is null)
        {
            var coupon = await coupons.GetAsync(run.TenantId, send.StoreId, send.CouponId, cancellationToken);
            await sends.SaveAllocationAsync(run.TenantId, run.SendId, QuantityAllocation.Start(coupon?.Coupon.RemainingQuantity), null, cancellationToken);
        }

        return SendRunState.Start(send.Id, total, messages, failures, send.Channels, chunkSize, now);

        async Task FlushAsync()
        {
            if (rows.Count > 0) await recipients.WriteRecipientsAsync(run.TenantId, run.SendId, rows, cancellationToken);
            if (noContact.Count > 0) await recipients.SaveOutcomesAsync(run.TenantId, run.SendId, noContact, cancellationToken);
            rows.Clear();
            noContact.Clear();
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
        if (SendStateMachine.Progress(send, before with { Sent = before.Sent + result.Sent, Failed = before.Failed + result.Failed }) is { IsOk: true } progress)
            await sends.UpdateAsync(progress.Value!, cancellationToken);
        return result;
    }

    /// <summary>Running → Done (something sent) or Failed, counts from the outcome rows; the failure report when something failed;
    /// the merchant's email (once: its idempotency key is the send's).</summary>
    public async Task<SegmentSend?> FinishAsync(SendRef run, SendCounts counts, CancellationToken cancellationToken = default)
    {
        var send = await sends.GetAsync(run.TenantId, run.SendId, cancellationToken);
        if (send is null) return null;
        var stored = await recipients.CountOutcomesAsync(run.TenantId, run.SendId, cancellationToken);
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

    /// <summary>The work of one wave, with what it needs loaded once.</summary>
    private sealed class Wave(SendRunner owner, SendRef run, SegmentSend send, SendStep step, List<SendRecipient> rows)
    {
        private int _sent;
        private int _failed;

        public async Task<WaveResult> RunAsync(bool abandon, CancellationToken ct)
        {
            if (rows.Count == 0) return new WaveResult(0, 0);
            var o = owner;
            var now = o.Time.GetUtcNow();
            var ids = rows.Select(r => r.CustomerId).ToList();
            var existing = await o.Recipients.GetOutcomesAsync(run.TenantId, run.SendId, step.Channel, ids, ct);
            var pending = new List<(SendRecipient Row, RecipientOutcome? Existing)>();
            var finals = new List<RecipientOutcome>();
            foreach (var row in rows)
            {
                var current = existing.GetValueOrDefault(row.CustomerId);
                var decision = DeliveryDecision.Decide(current, now);
                if (abandon && current?.State is null or DeliveryState.Attempted)
                    Count(Add(finals, (current ?? Attempt(row, now)).AsFailed(FailureReason.SystemError, "Retries of the wave were exhausted.")));
                else if (decision == DeliveryAction.Skip) Count(DeliveryDecision.Abandon(current, now) is { } given ? Add(finals, given) : current!);
                else pending.Add((row, current));
            }

            if (pending.Count > 0 && !abandon) await SendAsync(pending, finals, now, ct);
            if (finals.Count > 0) await o.Recipients.SaveOutcomesAsync(run.TenantId, run.SendId, finals, ct);
            return _throttled is { } t ? new WaveResult(_sent, _failed, t.Count, t.RetryAfter) : new WaveResult(_sent, _failed);
        }

        private (int Count, TimeSpan RetryAfter)? _throttled;

        private async Task SendAsync(List<(SendRecipient Row, RecipientOutcome? Existing)> pending, List<RecipientOutcome> finals, DateTimeOffset now, CancellationToken ct)
        {
            var o = owner;
            var store = await o.Stores.GetAsync(run.TenantId, send.StoreId, ct);
            var stored = await o.Coupons.GetAsync(run.TenantId, send.StoreId, send.CouponId, ct);
            var coupon = stored is { IsRemoved: false } ? stored.Coupon : null;
            var renderer = SendMessageRenderer.Create(send.Message, send.Channels).Value!;
            var usesCode = renderer.Uses().Any(u => u.Placeholder == MessageTemplate.CouponCode);
            var couponFailure = RecipientCheck.Coupon(coupon, now, usesCode);
            Uri? landing = store is null ? null : ClaimLinks.Landing(store, send.LandingUrl, out _);
            if (couponFailure is null && (store is null || landing is null)) couponFailure = (FailureReason.CouponInapplicable, "The store or its landing page is gone.");
            var people = (await o.Customers.GetManyAsync(run.TenantId, pending.Select(p => p.Row.CustomerId).ToList(), ct)).ToDictionary(c => c.Id);
            var granted = await UnitsAsync(pending, couponFailure, people, ct);

            foreach (var (row, existing) in pending)
            {
                var to = row.To(step.Channel)!;
                var fresh = existing is null;
                var customer = people.GetValueOrDefault(row.CustomerId);
                if (fresh && (couponFailure ?? RecipientCheck.Customer(customer, step.Channel) ?? (granted.Contains(row.CustomerId) ? null : (FailureReason.InsufficientQuantity, "The coupon's quantity ran out before this recipient."))) is { } why)
                {
                    Count(Add(finals, RecipientOutcome.Skipped(send.Id, row.CustomerId, step.Channel, to, why.Reason, now, why.Detail)));
                    continue;
                }

                var attempt = existing;
                if (fresh)
                {
                    var (recorded, current) = await o.Recipients.TryRecordAttemptAsync(run.TenantId, Attempt(row, now), ct);
                    if (!recorded && DeliveryDecision.Decide(current, now) == DeliveryAction.Skip)
                    {
                        Count(current);
                        continue;
                    }

                    attempt = current;
                }

                var outcome = await DeliverAsync(row, attempt!, store!, coupon!, landing!, renderer, customer, ct);
                if (outcome is null)
                {
                    // 429: this message and the rest of the range are tried again after Retry-After (same keys, Attempted row kept).
                    return;
                }

                await o.Recipients.SaveOutcomeAsync(run.TenantId, outcome, ct);
                Count(outcome);
            }
        }

        /// <summary>One coupon unit per customer, taken by the first of the send's channels to reach them: customers whose other
        /// channel already has a row took (or were refused) theirs there. The granted customers.</summary>
        private async Task<HashSet<CustomerId>> UnitsAsync(List<(SendRecipient Row, RecipientOutcome? Existing)> pending, (FailureReason, string)? couponFailure,
            Dictionary<CustomerId, Customer> people, CancellationToken ct)
        {
            var o = owner;
            var granted = new HashSet<CustomerId>();
            var candidates = pending.Where(p => p.Existing is null && RecipientCheck.Customer(people.GetValueOrDefault(p.Row.CustomerId), step.Channel) is null)
                .Select(p => p.Row).ToList();
            if (couponFailure is not null || candidates.Count == 0) return granted;
            var other = step.Channel == ContactChannel.Email ? ContactChannel.Sms : ContactChannel.Email;
            var needing = candidates;
            if (send.Channels.Contains(other))
            {
                var others = await o.Recipients.GetOutcomesAsync(run.TenantId, run.SendId, other, candidates.Select(c => c.CustomerId).ToList(), ct);
                foreach (var row in candidates)
                    if (others.GetValueOrDefault(row.CustomerId) is { } seen && seen.Reason != FailureReason.InsufficientQuantity && seen.Reason != FailureReason.NoContactOrOptedOut)
                        granted.Add(row.CustomerId);
                needing = candidates.Where(c => !others.ContainsKey(c.CustomerId) || others[c.CustomerId].Reason == FailureReason.NoContactOrOptedOut).ToList();
            }

            for (var attempt = 0; attempt < 5 && needing.Count > 0; attempt++)
            {
                var stored = await o.Sends.GetAllocationAsync(run.TenantId, run.SendId, ct);
                var allocation = stored?.Allocation ?? QuantityAllocation.Start(null);
                var (count, after) = allocation.Take(needing.Count);
                var saved = await o.Sends.SaveAllocationAsync(run.TenantId, run.SendId, after, stored?.Version, ct);
                if (!saved.IsOk) continue;
                foreach (var row in needing.Take(count)) granted.Add(row.CustomerId);
                return granted;
            }

            return granted;
        }

        /// <summary>The provider call with the message's deterministic keys: the final row, or null when throttled.</summary>
        private async Task<RecipientOutcome?> DeliverAsync(SendRecipient row, RecipientOutcome attempt, Store store, Coupons.Coupon coupon, Uri landing,
            SendMessageRenderer renderer, Customer? customer, CancellationToken ct)
        {
            var o = owner;
            var context = new RenderContext(customer?.Name, coupon, store, landing, send.CampaignOrId);
            var unsubscribe = UnsubscribeLinks.Url(o.Settings.PublicBaseUrl, o.Tokens.Create(new UnsubscribeRequest(run.TenantId, row.CustomerId, step.Channel, send.Id)));
            var key = DeliveryKeys.Of(send.Id, row.CustomerId, step.Channel);
            string? messageId, error;
            TimeSpan? retry;
            if (step.Channel == ContactChannel.Email)
            {
                var mail = renderer.RenderEmail(context, unsubscribe);
                var answer = await o.Email.SendAsync(new CustomerEmail(run.TenantId, key, DeliveryKeys.EmailOperationId(send.Id, row.CustomerId), attempt.To ?? row.Email!,
                    mail.Subject, mail.Html, mail.PlainText, mail.Headers, send.Id.Value), ct);
                (messageId, error, retry) = (answer.Status == SmsSendStatus.Sent ? answer.MessageId : null, answer.Status == SmsSendStatus.Rejected ? answer.Error ?? "Rejected." : null, answer.RetryAfter);
            }
            else
            {
                var text = renderer.RenderSms(context, o.Settings.SmsSender, unsubscribe);
                var answer = await o.Sms.SendAsync(new SmsMessage(run.TenantId, key, attempt.To ?? row.Mobile!, text.Text,
                    DeliveryKeys.SmsRepeatabilityRequestId(send.Id, row.CustomerId), DeliveryKeys.RepeatabilityFirstSent(attempt.FirstAttemptAt), send.Id.Value), ct);
                (messageId, error, retry) = (answer.Status == SmsSendStatus.Sent ? answer.MessageId : null, answer.Status == SmsSendStatus.Rejected ? answer.Error ?? "Rejected." : null, answer.RetryAfter);
            }

            if (messageId is not null) return attempt.AsSent(messageId);
            if (error is not null) return attempt.AsFailed(FailureReason.ProviderRejected, error);
            _throttled = (step.From + step.Count - row.Index, retry ?? TimeSpan.FromMinutes(1));
            return null;
        }

        private RecipientOutcome Attempt(SendRecipient row, DateTimeOffset now) => RecipientOutcome.Attempt(send.Id, row.CustomerId, step.Channel, row.To(step.Channel)!, now);

        private static RecipientOutcome Add(List<RecipientOutcome> list, RecipientOutcome outcome)
        {
            list.Add(outcome);
            return outcome;
        }

        private void Count(RecipientOutcome outcome)
        {
            if (outcome.State == DeliveryState.Sent) _sent++;
            else if (outcome.State == DeliveryState.Failed) _failed++;
        }
    }
}
