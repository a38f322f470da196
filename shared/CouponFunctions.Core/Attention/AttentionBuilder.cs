using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Attention;

/// <summary>
/// Builds the attention view ("what needs me now"), worst first: stores to re-authorize, stores whose sync fails, open
/// critical findings not acknowledged, jobs and sends with failures of the last <see cref="RecentWork"/>, then coupons
/// ending today in their store's zone. Within a kind, the longest-standing comes first. Disabled stores are left out.
/// </summary>
public static class AttentionBuilder
{
    /// <summary>How far back failed jobs and sends are shown (they have no acknowledgement of their own).</summary>
    public static readonly TimeSpan RecentWork = TimeSpan.FromDays(7);

    public static AttentionList Build(AttentionInput input, DateTimeOffset now)
    {
        var stores = input.Stores.Where(s => s.Status != StoreStatus.Disabled).ToDictionary(s => s.Id);
        var items = new List<AttentionItem>();
        items.AddRange(StoreProblems(stores.Values, input.SyncStates));
        var (findings, acknowledged) = CriticalFindings(stores, input, now);
        items.AddRange(findings);
        items.AddRange(FailedJobs(input.Jobs, now));
        items.AddRange(FailedSends(input.Sends, stores, now));
        items.AddRange(EndingToday(stores, input, now));
        var ordered = items
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.At ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.StoreName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        return new AttentionList(ordered, acknowledged);
    }

    private static IEnumerable<AttentionItem> StoreProblems(IEnumerable<Store> stores, IReadOnlyList<SyncState> states)
    {
        var byStore = states.ToDictionary(s => s.StoreId);
        foreach (var store in stores)
        {
            var link = $"#/stores?store={Uri.EscapeDataString(store.Id.Value)}";
            if (store.Status == StoreStatus.NeedsReauthorization)
            {
                yield return new AttentionItem(AttentionKind.StoreNeedsReauthorization, $"reauthorize|{store.Id}", store.Id, store.DisplayName, store.TimeZoneId,
                    $"{store.DisplayName} needs to be connected again",
                    store.StatusReason ?? "The platform refused the store's token; connect the store again on the platform's authorization page.",
                    store.UpdatedAt, link);
                continue;
            }
            if (byStore.TryGetValue(store.Id, out var state) && state.LastStatus == SyncRunStatus.Failed)
            {
                var runs = state.ConsecutiveFailures == 1 ? "The last sync failed" : $"The last {state.ConsecutiveFailures} syncs failed";
                var since = state.LastSuccessAt is { } ok ? $"; coupons as of the sync at {ok:yyyy-MM-dd HH:mm} UTC" : "; no sync has succeeded yet";
                yield return new AttentionItem(AttentionKind.StoreSyncFailing, $"sync|{store.Id}", store.Id, store.DisplayName, store.TimeZoneId,
                    $"{store.DisplayName}: sync fails",
                    $"{runs}: {state.LastFailure?.Message ?? "no reason recorded"}{since}.",
                    state.LastAttemptAt, link);
            }
        }
    }

    private static (List<AttentionItem> Items, int Acknowledged) CriticalFindings(IReadOnlyDictionary<StoreId, Store> stores, AttentionInput input, DateTimeOffset now)
    {
        var acks = input.Acknowledgements.ToDictionary(a => (a.StoreId, a.FindingKey));
        var items = new List<AttentionItem>();
        var acknowledged = 0;
        foreach (var run in input.LatestRuns)
        {
            if (!stores.TryGetValue(run.StoreId, out var store)) continue;
            foreach (var finding in run.Findings.Where(f => f.IsOpen && f.Finding.Severity == FindingSeverity.Critical))
            {
                if (acks.TryGetValue((run.StoreId, finding.Key), out var ack) && ack.Covers(finding, now))
                {
                    acknowledged++;
                    continue;
                }
                var coupon = finding.Finding.CouponName is { } name ? $"{name}: " : "";
                items.Add(new AttentionItem(AttentionKind.CriticalFinding, finding.Key, store.Id, store.DisplayName, store.TimeZoneId,
                    $"{coupon}{finding.Finding.Message}", finding.Finding.Action, finding.FirstSeenAt,
                    $"#/findings?store={Uri.EscapeDataString(store.Id.Value)}&finding={Uri.EscapeDataString(finding.Key)}"));
            }
        }
        return (items, acknowledged);
    }

    private static IEnumerable<AttentionItem> FailedJobs(IReadOnlyList<Job> jobs, DateTimeOffset now) =>
        jobs.Where(j => j.Status is JobStatus.Failed or JobStatus.CompletedWithFailures && (j.FinishedAt ?? j.CreatedAt) >= now - RecentWork)
            .Select(j => new AttentionItem(AttentionKind.JobFailed, $"job|{j.Id}", null, null, null,
                $"{j.Title}: {j.Counts.Failed} of {j.Counts.Total} failed",
                $"Started by {j.StartedBy.KeyName}; the failure report lists each failed item and why.",
                j.FinishedAt ?? j.CreatedAt, $"#/jobs/{Uri.EscapeDataString(j.Id.Value)}"));

    private static IEnumerable<AttentionItem> FailedSends(IReadOnlyList<SegmentSend> sends, IReadOnlyDictionary<StoreId, Store> stores, DateTimeOffset now) =>
        sends.Where(s => stores.ContainsKey(s.StoreId) && s.Counts.Failed > 0 && (s.FinishedAt ?? s.ScheduledAt) >= now - RecentWork)
            .Select(s => new AttentionItem(AttentionKind.SendFailed, $"send|{s.Id}", s.StoreId, stores[s.StoreId].DisplayName, stores[s.StoreId].TimeZoneId,
                $"Send of coupon {s.CouponId}: {s.Counts.Failed} of {s.Counts.Recipients} messages failed",
                s.Status == SendStatus.Failed ? "Nothing was sent." : $"{s.Counts.Sent} were sent; the failure report lists the others.",
                s.FinishedAt ?? s.ScheduledAt, "#/sends"));

    private static IEnumerable<AttentionItem> EndingToday(IReadOnlyDictionary<StoreId, Store> stores, AttentionInput input, DateTimeOffset now)
    {
        foreach (var coupon in input.Coupons)
        {
            if (coupon.IsRemoved || coupon.Status != CouponStatus.Ongoing || coupon.ValidTo <= now) continue;
            if (!stores.TryGetValue(coupon.StoreId, out var store)) continue;
            var zone = store.TimeZone;
            if (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(coupon.ValidTo, zone).DateTime) != DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)) continue;
            yield return new AttentionItem(AttentionKind.CouponEndingToday, $"ending|{store.Id}|{coupon.PlatformCouponId}", store.Id, store.DisplayName, store.TimeZoneId,
                $"{coupon.Name} ends today", $"Ends at {TimeZoneInfo.ConvertTime(coupon.ValidTo, zone):HH:mm} store time; renew it or plan its successor.",
                coupon.ValidTo, $"#/coupons/{Uri.EscapeDataString(store.Id.Value)}/{Uri.EscapeDataString(coupon.PlatformCouponId)}");
        }
    }
}
