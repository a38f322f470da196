using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sends;

/// <summary>Where messages point back to us: the public base of unsubscribe links, the admin page, and the SMS sender's kind.</summary>
public sealed record SendSettings(Uri PublicBaseUrl, Uri AdminUrl, SmsSenderKind SmsSender);

/// <summary>A send with its failure report's state, for GET /api/sends/{id}.</summary>
public sealed record SendView(SegmentSend Send, ReportDownload? Report);

/// <summary>Schedules, previews, lists and cancels segment sends (see README.md, "Scheduling").</summary>
public sealed class ManageSendsHandler(
    IStoreRepository stores, ISegmentRepository segments, ISegmentMembers members, ICouponRepository coupons, ISendRepository sends,
    ISendFailureReports reports, UnsubscribeTokens tokens, SendSettings settings, TimeProvider time)
{
    public async Task<Result<SegmentSend>> ScheduleAsync(Caller caller, SendRequestInput input, CancellationToken cancellationToken = default)
    {
        var errors = SendRequestValidator.Parse(input, out var request);
        if (!errors.IsEmpty) return errors;
        var context = await ContextAsync(caller, request!, cancellationToken);
        errors = SendRequestValidator.Check(request!, context);
        if (!errors.IsEmpty) return errors;
        var created = await sends.CreateAsync(SendRequestValidator.ToSend(request!, caller.TenantId, SendId.New(), context.Now), cancellationToken);
        // Conflict: a concurrent request took the segment's marker between the check and the write; the same rule, the same 400.
        return created.Kind == OutcomeKind.Conflict ? new ValidationErrors().Add("segmentId", created.Message!) : created;
    }

    public async Task<Result<SendPreviewResult>> PreviewAsync(Caller caller, SendRequestInput input, CancellationToken cancellationToken = default)
    {
        var errors = SendRequestValidator.Parse(input, out var request, requireSchedule: false);
        if (!errors.IsEmpty) return errors;
        return SendPreview.Build(request!, await ContextAsync(caller, request!, cancellationToken));
    }

    public async Task<IReadOnlyList<SegmentSend>> ListAsync(Caller caller, SegmentId? segmentId, CancellationToken cancellationToken = default) =>
        (await sends.ListAsync(caller.TenantId, segmentId, cancellationToken)).Where(s => caller.CanSee(s.StoreId)).ToList();

    public async Task<Result<SendView>> GetAsync(Caller caller, SendId id, CancellationToken cancellationToken = default)
    {
        var send = await sends.GetAsync(caller.TenantId, id, cancellationToken);
        if (send is null || !caller.CanSee(send.StoreId)) return Result<SendView>.NotFound($"No send '{id}'.");
        var report = send.FinishedAt is { } finished && send.Counts.Failed > 0 ? await reports.LinkAsync(caller.TenantId, id, finished, cancellationToken) : null;
        return Result<SendView>.Ok(new SendView(send, report));
    }

    /// <summary>The failure report's link; NotFound when the send has none (not over, or nothing failed); Expired inside when 7 days passed.</summary>
    public async Task<Result<ReportDownload>> ReportAsync(Caller caller, SendId id, CancellationToken cancellationToken = default)
    {
        var view = await GetAsync(caller, id, cancellationToken);
        if (!view.IsOk) return view.As<ReportDownload>();
        return view.Value!.Report is { } report ? Result<ReportDownload>.Ok(report) : Result<ReportDownload>.NotFound("The send has no failure report (it is not over, or nothing failed).");
    }

    /// <summary>The times a send of the store may be scheduled for, from the first allowed one (<see cref="SendSchedule.Slots"/>).</summary>
    public async Task<Result<(TimeZoneInfo Zone, IReadOnlyList<DateTimeOffset> Slots)>> SlotsAsync(Caller caller, StoreId storeId, int count, CancellationToken cancellationToken = default)
    {
        var store = caller.CanSee(storeId) ? await stores.GetAsync(caller.TenantId, storeId, cancellationToken) : null;
        if (store is null) return Result<(TimeZoneInfo, IReadOnlyList<DateTimeOffset>)>.NotFound($"No store '{storeId}'.");
        var zone = StoreZones.Find(store.TimeZoneId);
        return Result<(TimeZoneInfo, IReadOnlyList<DateTimeOffset>)>.Ok((zone, SendSchedule.Slots(time.GetUtcNow(), zone, count)));
    }

    public async Task<Result<SegmentSend>> CancelAsync(Caller caller, SendId id, CancellationToken cancellationToken = default)
    {
        var send = await sends.GetAsync(caller.TenantId, id, cancellationToken);
        if (send is null || !caller.CanSee(send.StoreId)) return Result<SegmentSend>.NotFound($"No send '{id}'.");
        var store = await stores.GetAsync(caller.TenantId, send.StoreId, cancellationToken);
        var cancelled = SendStateMachine.Cancel(send, time.GetUtcNow(), StoreZones.Find(store?.TimeZoneId ?? "UTC"));
        if (!cancelled.IsOk || cancelled.Value!.Status == send.Status) return cancelled;
        // Written under the row's ETag: a start racing the cancel makes one of them a Conflict.
        return await sends.UpdateAsync(cancelled.Value, cancellationToken);
    }

    private async Task<SendValidationContext> ContextAsync(Caller caller, ParsedSendRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var store = caller.CanSee(request.StoreId) ? await stores.GetAsync(caller.TenantId, request.StoreId, cancellationToken) : null;
        var segment = await segments.GetAsync(caller.TenantId, request.SegmentId, cancellationToken);
        var stored = store is null ? null : await coupons.GetAsync(caller.TenantId, store.Id, request.CouponId, cancellationToken);
        var reach = segment is null ? SegmentReach.Empty : await members.ReachAsync(segment, now, cancellationToken);
        var unfinished = segment is not null && await sends.GetUnfinishedAsync(caller.TenantId, segment.Id, cancellationToken) is not null;
        var sample = segment is null ? null : (await members.PageAsync(segment, now, 1, null, cancellationToken)).Items.FirstOrDefault()?.Name;
        return new SendValidationContext(now, store, segment, stored is { IsRemoved: false } ? stored.Coupon : null, reach, unfinished,
            tokens, settings.PublicBaseUrl, settings.SmsSender, sample);
    }
}
