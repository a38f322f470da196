using Azure.Data.Tables;

namespace CouponFunctions.Storage.Runner;

/// <summary>The last and next run of a timer function, as the standalone runner records it.</summary>
public sealed record TimerScheduleRecord(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>RunnerSchedules table (PartitionKey "timers", RowKey = function name): timer status across restarts.</summary>
public sealed class ScheduleStatusStore(TableServiceClient tables)
{
    private const string Partition = "timers";
    private readonly TableClient _table = tables.GetTableClient(TableNames.RunnerSchedules);

    public async Task<TimerScheduleRecord?> GetAsync(string functionName, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, functionName, cancellationToken: cancellationToken);
        if (!entity.HasValue) return null;
        var e = entity.Value!;
        return e.GetDateTimeOffset("Next") is { } next
            ? new TimerScheduleRecord(e.GetDateTimeOffset("Last"), next, e.GetDateTimeOffset("LastUpdated") ?? next)
            : null;
    }

    public Task SetAsync(string functionName, TimerScheduleRecord record, CancellationToken cancellationToken = default) =>
        _table.UpsertEntityAsync(
            new TableEntity(Partition, functionName) { ["Last"] = record.Last, ["Next"] = record.Next, ["LastUpdated"] = record.LastUpdated },
            TableUpdateMode.Replace,
            cancellationToken);
}
