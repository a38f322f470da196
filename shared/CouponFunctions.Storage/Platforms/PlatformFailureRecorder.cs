using Azure.Data.Tables;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Platforms;

/// <summary>
/// PlatformFailures table, one partition per store, newest first: every failed platform call with its redacted
/// URL, status, platform code and request id, for operators troubleshooting a store.
/// </summary>
internal sealed class PlatformFailureRecorder(TableServiceClient tables, TimeProvider time) : IPlatformCallRecorder, IPlatformFailureLog
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.PlatformFailures);

    public Task RecordFailureAsync(StoreConnection store, string operation, PlatformError error, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        var entity = new TableEntity(Keys.StorePartition(store.TenantId, store.StoreId), $"{Keys.NewestFirst(at)}_{Guid.NewGuid():N}")
        {
            ["At"] = at,
            ["Operation"] = operation,
            ["Platform"] = error.Platform.ToString(),
            ["Kind"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(error.Kind.ToString()),
            ["Code"] = error.Code,
            ["Message"] = Truncate(error.Message, 2000),
            ["RequestId"] = error.RequestId,
            ["HttpStatus"] = error.HttpStatus,
            ["RequestUrl"] = Truncate(error.RequestUrl, 4000),
        };
        return _table.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<PlatformFailure>> ListRecentAsync(
        TenantId tenantId, StoreId storeId, int max, CancellationToken cancellationToken = default)
    {
        var failures = new List<PlatformFailure>();
        var filter = Keys.InPartition(Keys.StorePartition(tenantId, storeId));
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            failures.Add(new PlatformFailure(
                e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                e.GetString("Operation") ?? "",
                e.GetString("Kind") ?? "",
                e.GetString("Code"),
                e.GetString("Message") ?? "",
                e.GetString("RequestId"),
                e.GetInt32("HttpStatus"),
                e.GetString("RequestUrl")));
            if (failures.Count >= max) break;
        }
        return failures;
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
