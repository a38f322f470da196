using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sends.Running;

public sealed partial class SendRunner
{
    /// <summary>The work of one wave, with what it needs loaded once and its storage work done a wave at a time, not a recipient
    /// at a time: a wave mark first (so only rows an earlier wave took up are read back), check failures inserted 100 to a
    /// transaction, final rows saved together at the end. With a batch sink (the outbox) the wave's emails are recorded as one
    /// batch row (its id, its recipients) instead of an Attempted row each, and handed over in one call: a retry finds the rows
    /// it took up without an outcome in that batch and sends them again under its id, which the sink answers from its first
    /// record (nothing goes out twice). Otherwise its messages go out up to
    /// <see cref="Concurrency"/> at a time, each with its own record-before-call row, and after a 429 no further message is
    /// started and the wave reports the range from the first message not done as throttled.</summary>
    private sealed class Wave(SendRunner owner, SendRef run, SegmentSend send, SendStep step, List<SendRecipient> rows)
    {
        /// <summary>Provider calls in flight per wave: a wave of 100 at 20,000/min must take well under its 0.3 s interval.</summary>
        private const int Concurrency = 16;

        private readonly System.Collections.Concurrent.ConcurrentBag<(int Index, DeliveryState State)> _done = [];
        private readonly System.Collections.Concurrent.ConcurrentBag<int> _untried = [];
        private long _retryAfterTicks;
        private Exception? _fault;

        public async Task<WaveResult> RunAsync(bool abandon, CancellationToken ct)
        {
            if (rows.Count == 0) return new WaveResult(0, 0);
            var o = owner;
            var now = o.Time.GetUtcNow();
            // Only rows an earlier wave took up can have outcome rows: they are read; the others are known to have none.
            var marks = await o.Recipients.MarkWaveAsync(run.TenantId, run.SendId, step.Channel, step.From, step.Count, ct);
            var ids = rows.Where(r => marks.Contains(r.Index)).Select(r => r.CustomerId).ToList();
            var existing = ids.Count == 0 ? new Dictionary<CustomerId, RecipientOutcome>() : await o.Recipients.GetOutcomesAsync(run.TenantId, run.SendId, step.Channel, ids, ct);
            if (ids.Count > 0) existing = await BatchedAsync(existing, marks, now, ct);
            var pending = new List<(SendRecipient Row, RecipientOutcome? Existing)>();
            var finals = new List<RecipientOutcome>();
            foreach (var row in rows)
            {
                var current = existing.GetValueOrDefault(row.CustomerId);
                if (abandon && current?.State is null or DeliveryState.Attempted)
                    Count(Add(finals, (current ?? Attempt(row, now)).AsFailed(FailureReason.SystemError, "Retries of the wave were exhausted.")), row.Index);
                else Decide(row, current, now, finals, pending);
            }

            if (pending.Count > 0 && !abandon) await SendAsync(pending, finals, now, ct);
            if (finals.Count > 0) await o.Recipients.SaveOutcomesAsync(run.TenantId, run.SendId, finals, ct);
            // A message that failed unexpectedly fails the wave (the orchestration retries it, then gives up on what is left as
            // system errors) only after the others finished: one recipient's fault does not cut the rest off.
            if (_fault is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_fault);
            if (_untried.IsEmpty) return new WaveResult(Sent(int.MaxValue), Failed(int.MaxValue));
            // Retried from the first message not done: what is done beyond it is counted by that retry (it finds the rows final).
            var cut = _untried.Min();
            var retryAfter = Interlocked.Read(ref _retryAfterTicks) is > 0 and var ticks ? TimeSpan.FromTicks(ticks) : TimeSpan.FromMinutes(1);
            return new WaveResult(Sent(cut), Failed(cut), step.From + step.Count - cut, retryAfter);
        }

        /// <summary>Rows an earlier try took up with no outcome row but in a recorded batch: Attempted under that batch's id and time.</summary>
        private async Task<IReadOnlyDictionary<CustomerId, RecipientOutcome>> BatchedAsync(
            IReadOnlyDictionary<CustomerId, RecipientOutcome> existing, WaveMarks marks, DateTimeOffset now, CancellationToken ct)
        {
            var open = rows.Where(r => marks.Contains(r.Index) && !existing.ContainsKey(r.CustomerId)).ToList();
            if (open.Count == 0) return existing;
            var batches = await owner.Recipients.GetBatchesAsync(run.TenantId, run.SendId, step.Channel, step.From, step.Count, ct);
            if (batches.Count == 0) return existing;
            var all = existing.ToDictionary();
            foreach (var row in open)
                if (batches.FirstOrDefault(b => b.Holds(row.Index)) is { } batch)
                    all[row.CustomerId] = Attempt(row, batch.At) with { Batch = batch.Id };
            return all;
        }

        /// <summary>A row with what was found for it: counted when final (or given up past the repeat window), else to be sent.</summary>
        private void Decide(SendRecipient row, RecipientOutcome? current, DateTimeOffset now, List<RecipientOutcome> finals, List<(SendRecipient Row, RecipientOutcome? Existing)> pending)
        {
            if (DeliveryDecision.Decide(current, now) == DeliveryAction.Skip) Count(DeliveryDecision.Abandon(current, now) is { } given ? Add(finals, given) : current!, row.Index);
            else pending.Add((row, current));
        }

        private int Sent(int cut) => _done.Count(d => d.Index < cut && d.State == DeliveryState.Sent);

        private int Failed(int cut) => _done.Count(d => d.Index < cut && d.State == DeliveryState.Failed);

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

            // The Failed rows of the checks go in together, 100 to a transaction; a row found there instead (a wave that ran before
            // without leaving a mark) is decided again from what it holds. A batch sink's messages are recorded as one batch row before
            // its call; messages sent one by one record their attempt just before their own call (so a 429 leaves the rest untouched).
            var batch = step.Channel == ContactChannel.Email && o.Email is ICustomerEmailBatchSink ? $"{send.Id.Value}-{Guid.NewGuid():N}" : null;
            var fresh = new List<(SendRecipient Row, RecipientOutcome Outcome)>(pending.Count);
            var batched = new List<SendRecipient>(batch is null ? 0 : pending.Count);
            var deliver = new List<(SendRecipient Row, RecipientOutcome? Attempt)>(pending.Count);
            foreach (var (row, existing) in pending)
            {
                if (existing is not null)
                {
                    deliver.Add((row, existing));
                    continue;
                }

                var customer = people.GetValueOrDefault(row.CustomerId);
                var why = couponFailure ?? RecipientCheck.Customer(customer, step.Channel)
                    ?? (granted.Contains(row.CustomerId) ? null : (FailureReason.InsufficientQuantity, "The coupon's quantity ran out before this recipient."));
                if (why is { } failed) fresh.Add((row, RecipientOutcome.Skipped(send.Id, row.CustomerId, step.Channel, row.To(step.Channel), failed.Reason, now, failed.Detail)));
                else if (batch is not null) batched.Add(row);
                else deliver.Add((row, null));
            }

            var found = fresh.Count == 0 ? new Dictionary<CustomerId, RecipientOutcome>() : await o.Recipients.AddOutcomesAsync(run.TenantId, run.SendId, fresh.Select(f => f.Outcome).ToList(), ct);
            var again = new List<(SendRecipient Row, RecipientOutcome? Existing)>();
            foreach (var (row, written) in fresh)
            {
                if (found.GetValueOrDefault(row.CustomerId) is { } current) Decide(row, current, now, finals, again);
                else if (written.State == DeliveryState.Attempted) deliver.Add((row, written));
                else Count(written, row.Index);
            }

            deliver.AddRange(again);
            if (batched.Count > 0)
            {
                // The batch that stands is the first recorded for this range (another try of the wave may have been first): its
                // rows go under its id; a row it does not hold goes alone, with its own Attempted row.
                var stands = await o.Recipients.RecordBatchAsync(run.TenantId, run.SendId, new WaveBatch(step.Channel, step.From, step.Count, batch!, now, [.. batched.Select(r => r.Index)]), ct);
                foreach (var row in batched) deliver.Add(stands.Holds(row.Index) ? (row, Attempt(row, stands.At) with { Batch = stands.Id }) : (row, null));
            }
            var outcomes = new System.Collections.Concurrent.ConcurrentBag<RecipientOutcome>();
            var alone = new List<(SendRecipient Row, RecipientOutcome? Attempt)>(deliver.Count);
            foreach (var group in deliver.GroupBy(d => d.Attempt?.Batch))
            {
                if (group.Key is { } id && o.Email is ICustomerEmailBatchSink sink)
                    await SendBatchAsync(sink, id, [.. group.Select(g => (g.Row, g.Attempt!))], store!, coupon!, landing!, renderer, people, outcomes, ct);
                else alone.AddRange(group);
            }

            var throttled = 0;
            await Parallel.ForEachAsync(alone, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (item, token) =>
            {
                var (row, attempt) = item;
                if (Volatile.Read(ref throttled) != 0)
                {
                    _untried.Add(row.Index);
                    return;
                }

                try
                {
                    if (attempt is null)
                    {
                        var (recorded, current) = await o.Recipients.TryRecordAttemptAsync(run.TenantId, Attempt(row, now), token);
                        if (!recorded && DeliveryDecision.Decide(current, now) == DeliveryAction.Skip)
                        {
                            Count(current, row.Index);
                            return;
                        }

                        attempt = current;
                    }

                    var outcome = await DeliverAsync(row, attempt, store!, coupon!, landing!, renderer, people.GetValueOrDefault(row.CustomerId), token);
                    if (outcome is null)
                    {
                        // 429: this message (its Attempted row kept, so the same keys) and those not started are tried again after Retry-After.
                        _untried.Add(row.Index);
                        Volatile.Write(ref throttled, 1);
                        return;
                    }

                    outcomes.Add(outcome);
                    Count(outcome, row.Index);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref _fault, e, null);
                    _untried.Add(row.Index);
                }
            });

            finals.AddRange(outcomes);
        }

        /// <summary>A batch of emails in one call of a batch sink (the outbox): every message's outcome, or all untried when it failed.</summary>
        private async Task SendBatchAsync(ICustomerEmailBatchSink sink, string batch, List<(SendRecipient Row, RecipientOutcome Attempt)> items, Store store, Coupons.Coupon coupon,
            Uri landing, SendMessageRenderer renderer, Dictionary<CustomerId, Customer> people, System.Collections.Concurrent.ConcurrentBag<RecipientOutcome> outcomes, CancellationToken ct)
        {
            try
            {
                var emails = items.Select(i => Email(i.Row, i.Attempt, store, coupon, landing, renderer, people.GetValueOrDefault(i.Row.CustomerId))).ToList();
                var answers = await sink.SendBatchAsync(run.TenantId, batch, emails, ct);
                for (var i = 0; i < items.Count; i++)
                {
                    var (row, attempt) = items[i];
                    if (Outcome(attempt, answers[i].Status == SmsSendStatus.Sent ? answers[i].MessageId : null, answers[i].Status == SmsSendStatus.Rejected ? answers[i].Error ?? "Rejected." : null, answers[i].RetryAfter) is { } outcome)
                    {
                        outcomes.Add(outcome);
                        Count(outcome, row.Index);
                    }
                    else _untried.Add(row.Index);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref _fault, e, null);
                foreach (var (row, _) in items) _untried.Add(row.Index);
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
            if (step.Channel == ContactChannel.Email)
            {
                var answer = await o.Email.SendAsync(Email(row, attempt, store, coupon, landing, renderer, customer), ct);
                return Outcome(attempt, answer.Status == SmsSendStatus.Sent ? answer.MessageId : null, answer.Status == SmsSendStatus.Rejected ? answer.Error ?? "Rejected." : null, answer.RetryAfter);
            }

            var context = new RenderContext(customer?.Name, coupon, store, landing, send.CampaignOrId);
            var text = renderer.RenderSms(context, o.Settings.SmsSender, Unsubscribe(row));
            var sms = await o.Sms.SendAsync(new SmsMessage(run.TenantId, DeliveryKeys.Of(send.Id, row.CustomerId, step.Channel), attempt.To ?? row.Mobile!, text.Text,
                DeliveryKeys.SmsRepeatabilityRequestId(send.Id, row.CustomerId), DeliveryKeys.RepeatabilityFirstSent(attempt.FirstAttemptAt), send.Id.Value), ct);
            return Outcome(attempt, sms.Status == SmsSendStatus.Sent ? sms.MessageId : null, sms.Status == SmsSendStatus.Rejected ? sms.Error ?? "Rejected." : null, sms.RetryAfter);
        }

        /// <summary>One customer's email with the message's deterministic keys (outbox key, ACS Operation-Id).</summary>
        private CustomerEmail Email(SendRecipient row, RecipientOutcome attempt, Store store, Coupons.Coupon coupon, Uri landing, SendMessageRenderer renderer, Customer? customer)
        {
            var mail = renderer.RenderEmail(new RenderContext(customer?.Name, coupon, store, landing, send.CampaignOrId), Unsubscribe(row));
            return new CustomerEmail(run.TenantId, DeliveryKeys.Of(send.Id, row.CustomerId, ContactChannel.Email), DeliveryKeys.EmailOperationId(send.Id, row.CustomerId),
                attempt.To ?? row.Email!, mail.Subject, mail.Html, mail.PlainText, mail.Headers, send.Id.Value);
        }

        private Uri Unsubscribe(SendRecipient row) =>
            UnsubscribeLinks.Url(owner.Settings.PublicBaseUrl, owner.Tokens.Create(new UnsubscribeRequest(run.TenantId, row.CustomerId, step.Channel, send.Id)));

        /// <summary>The final row for a provider's answer, or null when it throttled (its Retry-After kept for the wave's result).</summary>
        private RecipientOutcome? Outcome(RecipientOutcome attempt, string? messageId, string? error, TimeSpan? retry)
        {
            if (messageId is not null) return attempt.AsSent(messageId);
            if (error is not null) return attempt.AsFailed(FailureReason.ProviderRejected, error);
            Interlocked.Exchange(ref _retryAfterTicks, (retry ?? TimeSpan.FromMinutes(1)).Ticks);
            return null;
        }

        private RecipientOutcome Attempt(SendRecipient row, DateTimeOffset now) => RecipientOutcome.Attempt(send.Id, row.CustomerId, step.Channel, row.To(step.Channel)!, now);

        private static RecipientOutcome Add(List<RecipientOutcome> list, RecipientOutcome outcome)
        {
            list.Add(outcome);
            return outcome;
        }

        private void Count(RecipientOutcome outcome, int index)
        {
            if (outcome.State is DeliveryState.Sent or DeliveryState.Failed) _done.Add((index, outcome.State));
        }
    }
}
