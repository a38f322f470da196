using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Inspections;

/// <summary>
/// Inspections table, one partition per store: finding rows "f_{slot}_{finding key}" (a run can hold more findings
/// than one entity may) and the run row "r_{slot}" written last, so a run is visible only when complete.
/// A claim row "d_{slot}" names the one digest that reports the store's slot. InspectionState keeps each store's last and
/// planned slot (ETag-guarded).
/// </summary>
internal sealed class InspectionRepository(TableServiceClient tables) : IInspectionRepository
{
    private readonly TableClient _runs = tables.GetTableClient(TableNames.Inspections);
    private readonly TableClient _states = tables.GetTableClient(TableNames.InspectionState);

    public async Task<IReadOnlyList<InspectionState>> ListStatesAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var states = new List<InspectionState>();
        await foreach (var e in _states.QueryAsync<TableEntity>(Keys.InPartition(tenantId.Value), cancellationToken: cancellationToken))
        {
            states.Add(new InspectionState(tenantId, StoreId.Parse(e.RowKey), e.GetString("LastSlotKey"), e.GetDateTimeOffset("LastInspectedAt"),
                e.GetString("PlannedSlotKey"), e.GetDateTimeOffset("PlannedAt"), e.ETag.ToString()));
        }
        return states;
    }

    public async Task<bool> TryMarkPlannedAsync(TenantId tenantId, StoreId storeId, string slotKey, DateTimeOffset at, string? version, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(tenantId.Value, storeId.Value) { ["PlannedSlotKey"] = slotKey, ["PlannedAt"] = at };
        var written = version is null
            ? await _states.AddIfAbsentAsync(entity, cancellationToken)
            : await _states.UpdateIfUnchangedAsync(entity, new ETag(version), TableUpdateMode.Merge, cancellationToken);
        return written.IsOk;
    }

    public async Task SaveRunAsync(StoreInspectionRun run, CancellationToken cancellationToken = default)
    {
        var partition = Keys.StorePartition(run.TenantId, run.StoreId);
        var rows = run.Findings.ToDictionary(f => $"f_{run.SlotKey}_{Keys.Escape(f.Key)}", f => f);
        // An earlier attempt at this slot that crashed before its run row may have left rows this run does not have.
        var stale = new List<TableTransactionAction>();
        var filter = Keys.RowKeyStartsWith(partition, $"f_{run.SlotKey}_");
        await foreach (var e in _runs.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            if (!rows.ContainsKey(e.RowKey)) stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, e.RowKey)));
        var writes = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, r.Key) { ["Finding"] = JsonSerializer.Serialize(r.Value, MessageJson.Options) }));
        foreach (var chunk in stale.Concat(writes).Chunk(100))
            await _runs.SubmitAsync(chunk, cancellationToken);

        await _runs.UpsertEntityAsync(new TableEntity(partition, $"r_{run.SlotKey}")
        {
            ["SlotKey"] = run.SlotKey,
            ["InspectedAt"] = run.InspectedAt,
            ["Findings"] = run.Findings.Count,
            ["Open"] = run.Findings.Count(f => f.IsOpen),
            ["Notes"] = run.Notes is { Count: > 0 } notes ? JsonSerializer.Serialize(notes, MessageJson.Options) : null,
        }, TableUpdateMode.Replace, cancellationToken);
        await _states.UpsertEntityAsync(new TableEntity(run.TenantId.Value, run.StoreId.Value)
        {
            ["LastSlotKey"] = run.SlotKey,
            ["LastInspectedAt"] = run.InspectedAt,
        }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<StoreInspectionRun?> GetRunAsync(TenantId tenantId, StoreId storeId, string slotKey, CancellationToken cancellationToken = default)
    {
        var partition = Keys.StorePartition(tenantId, storeId);
        var run = await _runs.GetEntityIfExistsAsync<TableEntity>(partition, $"r_{slotKey}", cancellationToken: cancellationToken);
        return run.HasValue ? await LoadAsync(tenantId, storeId, run.Value!, cancellationToken) : null;
    }

    public async Task<string> ClaimSlotAsync(TenantId tenantId, StoreId storeId, string slotKey, string digestKey, CancellationToken cancellationToken = default)
    {
        var partition = Keys.StorePartition(tenantId, storeId);
        var claim = new TableEntity(partition, $"d_{slotKey}") { ["DigestKey"] = digestKey };
        if ((await _runs.AddIfAbsentAsync(claim, cancellationToken)).IsOk) return digestKey;
        var existing = await _runs.GetEntityIfExistsAsync<TableEntity>(partition, $"d_{slotKey}", cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value!.GetString("DigestKey") ?? digestKey : digestKey;
    }

    public async Task<StoreInspectionRun?> GetLatestRunAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var state = await _states.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, storeId.Value, cancellationToken: cancellationToken);
        return state.HasValue && state.Value!.GetString("LastSlotKey") is { } slot ? await GetRunAsync(tenantId, storeId, slot, cancellationToken) : null;
    }

    private async Task<StoreInspectionRun> LoadAsync(TenantId tenantId, StoreId storeId, TableEntity run, CancellationToken cancellationToken)
    {
        var slot = run.GetString("SlotKey")!;
        var filter = Keys.RowKeyStartsWith(Keys.StorePartition(tenantId, storeId), $"f_{slot}_");
        var findings = new List<TrackedFinding>();
        await foreach (var e in _runs.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            findings.Add(JsonSerializer.Deserialize<TrackedFinding>(e.GetString("Finding")!, MessageJson.Options)!);
        var notes = run.GetString("Notes") is { } text ? JsonSerializer.Deserialize<List<string>>(text, MessageJson.Options) : null;
        return new StoreInspectionRun(tenantId, storeId, slot, run.GetDateTimeOffset("InspectedAt") ?? DateTimeOffset.MinValue, findings, notes ?? []);
    }
}
