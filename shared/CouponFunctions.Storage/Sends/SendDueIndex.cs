using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Sends;

/// <summary>One entry of the due index: a send and the time it was scheduled for when the entry was written.</summary>
internal sealed record SendDueEntry(TenantId TenantId, SendId SendId, DateTimeOffset ScheduledAt, ETag ETag);

/// <summary>
/// The due index (table <see cref="TableNames.SendsDue"/>): one row per scheduled send in a single partition, keyed by the
/// send's time, so the minute timer reads only the entries whose time has come (a key range), however many sends the
/// tenants have had. Entries are hints: the send row decides; a stale entry is removed by whoever finds it.
/// </summary>
internal sealed class SendDueIndex(TableClient table)
{
    private const string Partition = "due";

    /// <summary>Writes (or rewrites) the entry for the send's current time.</summary>
    public async Task AddAsync(SegmentSend send, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, Row(send.TenantId, send.Id, send.ScheduledAt))
        {
            ["TenantId"] = send.TenantId.Value,
            ["SendId"] = send.Id.Value,
            ["ScheduledAt"] = send.ScheduledAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The entries up to <paramref name="now"/>'s second, oldest first.</summary>
    public async IAsyncEnumerable<SendDueEntry> ReadDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // '`' sorts after '_', so every row of now's second (and none later) is below the bound.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {Stamp(now) + "`"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (TenantId.TryParse(e.GetString("TenantId"), out var tenant) && SendId.TryParse(e.GetString("SendId"), out var send) && e.GetDateTimeOffset("ScheduledAt") is { } at)
                yield return new SendDueEntry(tenant, send, at, e.ETag);
            else
                await DeleteAsync(e.RowKey, e.ETag, cancellationToken);
        }
    }

    /// <summary>Removes the entry as read (not one rewritten since).</summary>
    public Task RemoveAsync(SendDueEntry entry, CancellationToken cancellationToken) =>
        DeleteAsync(Row(entry.TenantId, entry.SendId, entry.ScheduledAt), entry.ETag, cancellationToken);

    /// <summary>Removes the send's entry for its current time, if there is one.</summary>
    public Task RemoveAsync(SegmentSend send, CancellationToken cancellationToken) =>
        DeleteAsync(Row(send.TenantId, send.Id, send.ScheduledAt), ETag.All, cancellationToken);

    private async Task DeleteAsync(string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, rowKey, etag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Already gone, or rewritten since it was read (then it is another, current entry): nothing to do.
        }
    }

    private static string Row(TenantId tenant, SendId send, DateTimeOffset at) => $"{Stamp(at)}_{tenant.Value}_{send.Value}";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
