using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Sync;

/// <summary>
/// SyncState (one row per store under its tenant; the lease is taken and released with ETag-guarded updates, so of two
/// racing runs exactly one wins) and SyncRuns (per store partition, newest first).
/// </summary>
internal sealed class SyncStateRepository(TableServiceClient tables) : ISyncStateRepository
{
    private readonly TableClient _states = tables.GetTableClient(TableNames.SyncState);
    private readonly TableClient _runs = tables.GetTableClient(TableNames.SyncRuns);

    public async Task<SyncState?> GetAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var entity = await _states.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, storeId.Value, cancellationToken: cancellationToken);
        return entity.HasValue ? ToState(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<SyncState>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var states = new List<SyncState>();
        await foreach (var e in _states.QueryAsync<TableEntity>(Keys.InPartition(tenantId.Value), cancellationToken: cancellationToken)) states.Add(ToState(e));
        return states;
    }

    public async Task<SyncLease?> TryAcquireAsync(TenantId tenantId, StoreId storeId, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (await TakeAsync(await GetAsync(tenantId, storeId, cancellationToken), tenantId, storeId, owner, until, now, cancellationToken)).Lease;

    public async Task<SyncLease?> TryAcquireAsync(SyncState? read, TenantId tenantId, StoreId storeId, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (lease, moved) = await TakeAsync(read, tenantId, storeId, owner, until, now, cancellationToken);
        return moved ? await TryAcquireAsync(tenantId, storeId, owner, until, now, cancellationToken) : lease;
    }

    /// <summary>The lease taken from <paramref name="current"/>; none when a live lease holds it, or when the row moved since (Moved).</summary>
    private async Task<(SyncLease? Lease, bool Moved)> TakeAsync(SyncState? current, TenantId tenantId, StoreId storeId, string owner, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (current?.LeaseOwner is not null && current.LeaseUntil > now) return (null, false);
        var taken = (current ?? new SyncState(tenantId, storeId, null, null, null, null, null, null, 0, 0, null)) with
        {
            LeaseOwner = owner,
            LeaseUntil = until,
            LastAttemptAt = now,
        };
        // A sync run starting now serves every "Sync now" made before it (the running run answers them from here on).
        if (SyncState.IsSyncRun(owner)) taken = taken with { QueuedRunId = null, QueuedAt = null };
        var version = await WriteAsync(taken, current?.Version, cancellationToken);
        return version is null
            ? (null, true)
            : (new SyncLease(tenantId, storeId, owner, until, taken with { Version = version }, current?.LeaseOwner, current?.LastAttemptAt is null), false);
    }

    public async Task<SyncLease?> RenewAsync(SyncLease lease, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var renewed = lease.State with { LeaseUntil = until };
        var version = await WriteAsync(renewed, lease.State.Version, cancellationToken);
        return version is null ? null : lease with { Until = until, State = renewed with { Version = version } };
    }

    public async Task ReleaseAsync(SyncLease lease, CancellationToken cancellationToken = default) =>
        // A lost race means someone else holds the store now: their lease is left alone.
        await WriteAsync(lease.State with { LeaseOwner = null, LeaseUntil = null }, lease.State.Version, cancellationToken);

    public async Task CompleteAsync(SyncLease lease, SyncRun run, int couponCount, CancellationToken cancellationToken = default)
    {
        var previous = lease.State;
        var succeeded = run.Status == SyncRunStatus.Succeeded;
        var failed = run.Status == SyncRunStatus.Failed;
        var completed = previous with
        {
            LeaseOwner = null,
            LeaseUntil = null,
            LastStatus = run.Status == SyncRunStatus.Skipped ? previous.LastStatus : run.Status,
            LastSuccessAt = succeeded ? run.EndedAt : previous.LastSuccessAt,
            LastFailure = failed ? run.Failure : succeeded ? null : previous.LastFailure,
            ConsecutiveFailures = failed ? previous.ConsecutiveFailures + 1 : succeeded ? 0 : previous.ConsecutiveFailures,
            CouponCount = couponCount,
        };
        await WriteAsync(completed, previous.Version, cancellationToken);
    }

    /// <summary>
    /// Writes the whole row (Replace: a Merge would keep properties we mean to clear) if it is still at
    /// <paramref name="version"/> (or does not exist yet when null); the new version, or null when we lost the race.
    /// </summary>
    private async Task<string?> WriteAsync(SyncState state, string? version, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(state.TenantId.Value, state.StoreId.Value)
        {
            ["LeaseOwner"] = state.LeaseOwner,
            ["LeaseUntil"] = state.LeaseUntil,
            ["LastAttemptAt"] = state.LastAttemptAt,
            ["LastSuccessAt"] = state.LastSuccessAt,
            ["LastStatus"] = state.LastStatus?.ToString(),
            ["LastFailure"] = Json(state.LastFailure),
            ["ConsecutiveFailures"] = state.ConsecutiveFailures,
            ["CouponCount"] = state.CouponCount,
            ["QueuedRunId"] = state.QueuedRunId,
            ["QueuedAt"] = state.QueuedAt,
        };
        var written = version is null
            ? await _states.AddIfAbsentAsync(entity, cancellationToken)
            : await _states.UpdateIfUnchangedAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
        return written.IsOk ? written.Value.ToString() : null;
    }

    public async Task<(string RunId, bool Queued)> QueueManualRunAsync(
        TenantId tenantId, StoreId storeId, string runId, DateTimeOffset now, DateTimeOffset queuedSince, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(tenantId, storeId, cancellationToken);
            var held = current?.LeaseOwner is not null && current.LeaseUntil > now;
            if (held && SyncState.IsSyncRun(current!.LeaseOwner!)) return (current.LeaseOwner!, false);
            if (current?.QueuedRunId is { } queued && current.QueuedAt >= queuedSince) return (queued, false);
            // A token refresh holds the store for a moment: its lease row is left alone (it releases by version).
            if (held) return (runId, true);
            var marked = (current ?? new SyncState(tenantId, storeId, null, null, null, null, null, null, 0, 0, null)) with { QueuedRunId = runId, QueuedAt = now };
            if (await WriteAsync(marked, current?.Version, cancellationToken) is not null) return (runId, true);
            // Someone changed the row first (another "Sync now", or a run starting): look again.
            if (attempt >= 10) throw new InvalidOperationException($"The sync state of {storeId} kept changing; try again.");
        }
    }

    public Task RecordRunAsync(SyncRun run, CancellationToken cancellationToken = default) =>
        _runs.UpsertEntityAsync(new TableEntity(Keys.StorePartition(run.TenantId, run.StoreId), $"{Keys.NewestFirst(run.StartedAt)}_{run.RunId}")
        {
            ["RunId"] = run.RunId,
            ["Reason"] = run.Reason,
            ["StartedAt"] = run.StartedAt,
            ["EndedAt"] = run.EndedAt,
            ["Status"] = run.Status.ToString(),
            ["Fetched"] = run.Counts.Fetched,
            ["Created"] = run.Counts.Created,
            ["Updated"] = run.Counts.Updated,
            ["Unchanged"] = run.Counts.Unchanged,
            ["Removed"] = run.Counts.Removed,
            ["DetailReads"] = run.Counts.DetailReads,
            ["Failure"] = Json(run.Failure),
            ["Note"] = run.Note,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<SyncRun>> ListRunsAsync(TenantId tenantId, StoreId storeId, int max, CancellationToken cancellationToken = default)
    {
        var runs = new List<SyncRun>();
        var filter = Keys.InPartition(Keys.StorePartition(tenantId, storeId));
        await foreach (var e in _runs.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            runs.Add(new SyncRun(
                e.GetString("RunId")!, tenantId, storeId, e.GetString("Reason") ?? "",
                e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("EndedAt"),
                Enum.Parse<SyncRunStatus>(e.GetString("Status")!),
                new SyncCounts(e.GetInt32("Fetched") ?? 0, e.GetInt32("Created") ?? 0, e.GetInt32("Updated") ?? 0, e.GetInt32("Unchanged") ?? 0, e.GetInt32("Removed") ?? 0,
                    e.GetInt32("DetailReads") ?? 0),
                Failure(e.GetString("Failure")), e.GetString("Note")));
            if (runs.Count >= max) break;
        }
        return runs;
    }

    private static SyncState ToState(TableEntity e) => new(
        TenantId.Parse(e.PartitionKey),
        StoreId.Parse(e.RowKey),
        e.GetString("LeaseOwner"),
        e.GetDateTimeOffset("LeaseUntil"),
        e.GetDateTimeOffset("LastAttemptAt"),
        e.GetDateTimeOffset("LastSuccessAt"),
        Enum.TryParse<SyncRunStatus>(e.GetString("LastStatus"), out var status) ? status : null,
        Failure(e.GetString("LastFailure")),
        e.GetInt32("ConsecutiveFailures") ?? 0,
        e.GetInt32("CouponCount") ?? 0,
        e.ETag.ToString(),
        e.GetString("QueuedRunId"),
        e.GetDateTimeOffset("QueuedAt"));

    private static SyncFailure? Failure(string? json) => json is null ? null : JsonSerializer.Deserialize<SyncFailure>(json, MessageJson.Options);

    private static string? Json(SyncFailure? failure) => failure is null ? null : JsonSerializer.Serialize(failure, MessageJson.Options);
}
