using Azure.Data.Tables;

namespace CouponFunctions.Benchmarks.Deploy;

/// <summary>The Durable task hub's history rows of one orchestration instance (partition = instance id in
/// "{hub}History"), and their size by Table Storage's own rule (2 bytes a character, 8 for a number or date, plus the
/// property name): what a job leaves in history, which must grow with batches, not with coupons.</summary>
internal static class DurableHistory
{
    public const string HubName = "CouponFunctions";

    public static async Task<(int Rows, long Bytes, int Executions)> MeasureAsync(TableServiceClient tables, string instanceId, CancellationToken ct)
    {
        var table = tables.GetTableClient(HubName + "History");
        var (rows, bytes) = (0, 0L);
        var executions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), cancellationToken: ct))
        {
            rows++;
            if (e.GetString("ExecutionId") is { } execution) executions.Add(execution);
            bytes += 4 + (e.PartitionKey.Length + e.RowKey.Length) * 2;
            foreach (var (name, value) in e)
                bytes += 8 + (name.Length * 2) + value switch { string s => 4 + (s.Length * 2), byte[] b => 4 + b.Length, _ => 8 };
        }

        return (rows, bytes, executions.Count);
    }
}
