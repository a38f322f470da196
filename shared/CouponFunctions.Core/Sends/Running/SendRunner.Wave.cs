using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sends.Running;

public sealed partial class SendRunner
{
    /// <summary>The work of one wave, with what it needs loaded once. Its messages go out up to <see cref="Concurrency"/> at a time
    /// (each with its own record-before-call row, so the exactly-once rule is per message and needs no order); after a 429 no
    /// further message is started, and the wave reports the range from the first message not done as throttled.</summary>
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
            var ids = rows.Select(r => r.CustomerId).ToList();
            var existing = await o.Recipients.GetOutcomesAsync(run.TenantId, run.SendId, step.Channel, ids, ct);
            var pending = new List<(SendRecipient Row, RecipientOutcome? Existing)>();
            var finals = new List<RecipientOutcome>();
            foreach (var row in rows)
            {
                var current = existing.GetValueOrDefault(row.CustomerId);
                var decision = DeliveryDecision.Decide(current, now);
                if (abandon && current?.State is null or DeliveryState.Attempted)
                    Count(Add(finals, (current ?? Attempt(row, now)).AsFailed(FailureReason.SystemError, "Retries of the wave were exhausted.")), row.Index);
                else if (decision == DeliveryAction.Skip) Count(DeliveryDecision.Abandon(current, now) is { } given ? Add(finals, given) : current!, row.Index);
                else pending.Add((row, current));
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

            var deliver = new List<(SendRecipient Row, RecipientOutcome? Existing)>(pending.Count);
            foreach (var (row, existing) in pending)
            {
                var to = row.To(step.Channel)!;
                var customer = people.GetValueOrDefault(row.CustomerId);
                if (existing is null && (couponFailure ?? RecipientCheck.Customer(customer, step.Channel) ?? (granted.Contains(row.CustomerId) ? null : (FailureReason.InsufficientQuantity, "The coupon's quantity ran out before this recipient."))) is { } why)
                    Count(Add(finals, RecipientOutcome.Skipped(send.Id, row.CustomerId, step.Channel, to, why.Reason, now, why.Detail)), row.Index);
                else deliver.Add((row, existing));
            }

            var throttled = 0;
            await Parallel.ForEachAsync(deliver, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (item, token) =>
            {
                var (row, attempt) = item;
                if (Volatile.Read(ref throttled) != 0)
                {
                    _untried.Add(row.Index);
                    return;
                }

                try
                {
                    if (!await DeliverOneAsync(row, attempt, token)) Volatile.Write(ref throttled, 1);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref _fault, e, null);
                    _untried.Add(row.Index);
                }
            });

            // One message: record the attempt, call the provider, save the outcome; false when the provider answered 429.
            async Task<bool> DeliverOneAsync(SendRecipient row, RecipientOutcome? attempt, CancellationToken token)
            {
                if (attempt is null)
                {
                    var (recorded, current) = await o.Recipients.TryRecordAttemptAsync(run.TenantId, Attempt(row, now), token);
                    if (!recorded && DeliveryDecision.Decide(current, now) == DeliveryAction.Skip)
                    {
                        Count(current, row.Index);
                        return true;
                    }

                    attempt = current;
                }

                var outcome = await DeliverAsync(row, attempt, store!, coupon!, landing!, renderer, people.GetValueOrDefault(row.CustomerId), token);
                if (outcome is null)
                {
                    // 429: this message (its Attempted row kept, so the same keys) and those not started are tried again after Retry-After.
                    _untried.Add(row.Index);
                    return false;
                }

                await o.Recipients.SaveOutcomeAsync(run.TenantId, outcome, token);
                Count(outcome, row.Index);
                return true;
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
