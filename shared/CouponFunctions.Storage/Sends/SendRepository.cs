using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Sends;

/// <summary>
/// Send rows and the per-segment marker (see <see cref="SendKeys"/>). Both live in the tenant's partition, so creating a send
/// and taking the marker is one entity-group transaction: the marker is inserted if absent, or replaced under its ETag when
/// the send holding it is over; two concurrent creates cannot both succeed. Finishing or cancelling a send deletes the
/// marker (under its ETag) in the transaction that writes the new status.
/// The due index (<see cref="SendDueIndex"/>) is written before the send row (create, or a Scheduled send moved to another
/// time), so a crash in between leaves at worst an entry without its send, which the timer's read removes; it is removed
/// when the send is started, cancelled or finished.
/// </summary>
internal sealed class SendRepository(TableServiceClient tables) : ISendRepository
{
    private const int MaxAttempts = 5;
    private readonly TableClient _table = tables.GetTableClient(TableNames.Sends);
    private readonly SendDueIndex _due = new(tables.GetTableClient(TableNames.SendsDue));

    public async Task<Result<SegmentSend>> CreateAsync(SegmentSend send, CancellationToken cancellationToken = default)
    {
        var tenant = send.TenantId.Value;
        await _due.AddAsync(send, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var marker = await GetMarkerAsync(send.TenantId, send.SegmentId, cancellationToken);
            var markerRow = new TableEntity(tenant, SendKeys.MarkerRow(send.SegmentId)) { ["SendId"] = send.Id.Value };
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, SendEntityMapper.ToEntity(send with { Status = SendStatus.Scheduled })) };
            if (marker is null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, markerRow));
            }
            else
            {
                var holder = await GetAsync(send.TenantId, SendId.Parse(marker.GetString("SendId")), cancellationToken);
                if (holder is { IsFinished: false })
                {
                    await _due.RemoveAsync(send, cancellationToken);
                    return Result<SegmentSend>.Conflict($"Segment {send.SegmentId} already has an unfinished send ({holder.Id}, {holder.Status}); only one at a time.");
                }

                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, markerRow, marker.ETag));
            }

            var etags = await TrySubmitAsync(actions, cancellationToken);
            if (etags is not null) return Result<SegmentSend>.Ok(send with { Status = SendStatus.Scheduled, Version = etags[0].ToString() });
            if (await GetAsync(send.TenantId, send.Id, cancellationToken) is not null) return Result<SegmentSend>.Conflict($"Send {send.Id} exists already.");
            // Otherwise the marker changed between the read and the write: another request took it (or released it). Look again.
        }

        return Result<SegmentSend>.Conflict($"Segment {send.SegmentId} is being scheduled by another request; try again.");
    }

    public async Task<SegmentSend?> GetAsync(TenantId tenantId, SendId id, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, SendKeys.SendRow(id), cancellationToken: cancellationToken);
        return entity.HasValue ? SendEntityMapper.FromEntity(tenantId, entity.Value!) : null;
    }

    public async Task<IReadOnlyList<SegmentSend>> ListAsync(TenantId tenantId, SegmentId? segmentId = null, CancellationToken cancellationToken = default)
    {
        var filter = Keys.RowKeyStartsWith(tenantId.Value, "s_");
        if (segmentId is { } segment) filter += " and " + TableClient.CreateQueryFilter($"SegmentId eq {segment.Value}");
        var sends = new List<SegmentSend>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) sends.Add(SendEntityMapper.FromEntity(tenantId, e));
        return sends.OrderByDescending(s => s.ScheduledAt).ThenByDescending(s => s.CreatedAt).ToList();
    }

    public async Task<IReadOnlyList<SegmentSend>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var due = new List<SegmentSend>();
        await foreach (var entry in _due.ReadDueAsync(now, cancellationToken))
        {
            var send = await GetAsync(entry.TenantId, entry.SendId, cancellationToken);
            if (send is { Status: SendStatus.Scheduled } && send.ScheduledAt == entry.ScheduledAt)
            {
                if (send.ScheduledAt > now) continue;
                due.Add(send);
                if (due.Count >= max) break;
            }
            else
            {
                // Gone (a crash between the entry and the row, or a refused create), started, cancelled or moved: the entry is spent.
                await _due.RemoveAsync(entry, cancellationToken);
            }
        }

        return due;
    }

    public Task RemoveDueAsync(SegmentSend send, CancellationToken cancellationToken = default) => _due.RemoveAsync(send, cancellationToken);

    public async Task<SegmentSend?> GetUnfinishedAsync(TenantId tenantId, SegmentId segmentId, CancellationToken cancellationToken = default)
    {
        var marker = await GetMarkerAsync(tenantId, segmentId, cancellationToken);
        if (marker is null) return null;
        var send = await GetAsync(tenantId, SendId.Parse(marker.GetString("SendId")), cancellationToken);
        return send is { IsFinished: false } ? send : null;
    }

    public async Task<Result<SegmentSend>> UpdateAsync(SegmentSend send, CancellationToken cancellationToken = default)
    {
        if (send.Version is null) return Result<SegmentSend>.Conflict("An update needs the version the send was read at.");
        // A Scheduled send may have been moved to another time: its entry for that time first (the old one is spent when read).
        if (send.Status == SendStatus.Scheduled) await _due.AddAsync(send, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, SendEntityMapper.ToEntity(send), new ETag(send.Version)) };
            if (send.IsFinished && await GetMarkerAsync(send.TenantId, send.SegmentId, cancellationToken) is { } marker && marker.GetString("SendId") == send.Id.Value)
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(marker.PartitionKey, marker.RowKey), marker.ETag));

            var etags = await TrySubmitAsync(actions, cancellationToken);
            if (etags is not null)
            {
                if (send.IsFinished) await _due.RemoveAsync(send, cancellationToken);
                // A tick between the entry and the row saw the row at its old time and took the new entry for stale: it goes in
                // again now that the row agrees with it (a send moved to a time already past was otherwise never started).
                if (send.Status == SendStatus.Scheduled) await _due.AddAsync(send, cancellationToken);
                return Result<SegmentSend>.Ok(send with { Version = etags[0].ToString() });
            }

            var current = await GetAsync(send.TenantId, send.Id, cancellationToken);
            if (current is null) return Result<SegmentSend>.NotFound($"There is no send {send.Id}.");
            if (current.Version != send.Version) return Result<SegmentSend>.Conflict($"Send {send.Id} changed since it was read (it is {current.Status} now).");
            // The send row is as read, so the marker moved under us: try again with a fresh read of it.
        }

        return Result<SegmentSend>.Conflict($"Send {send.Id} could not be written; try again.");
    }

    public async Task<(QuantityAllocation Allocation, string Version)?> GetAllocationAsync(TenantId tenantId, SendId id, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, SendKeys.AllocationRow(id), cancellationToken: cancellationToken);
        if (!entity.HasValue) return null;
        var e = entity.Value!;
        return (new QuantityAllocation(e.GetInt32("Limit"), e.GetInt32("Allocated") ?? 0), e.ETag.ToString());
    }

    public async Task<Result<string>> SaveAllocationAsync(TenantId tenantId, SendId id, QuantityAllocation allocation, string? version, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(tenantId.Value, SendKeys.AllocationRow(id)) { ["Limit"] = allocation.Limit, ["Allocated"] = allocation.Allocated };
        var written = version is null
            ? await _table.AddIfAbsentAsync(entity, cancellationToken)
            : await _table.UpdateIfUnchangedAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
        return written.IsOk ? Result<string>.Ok(written.Value.ToString()) : written.As<string>();
    }

    private async Task<TableEntity?> GetMarkerAsync(TenantId tenantId, SegmentId segmentId, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, SendKeys.MarkerRow(segmentId), cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value : null;
    }

    /// <summary>The transaction's per-action ETags, or null when it lost a race (409 exists, 412 changed, 404 gone).</summary>
    private async Task<IReadOnlyList<ETag>?> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value.Select(r => r.Headers.ETag ?? default).ToList();
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }
}
