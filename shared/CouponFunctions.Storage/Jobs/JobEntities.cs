using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Jobs;

/// <summary>
/// Row keys and the mapping of jobs and items to rows.
/// Jobs: partition = tenant; the job row "j_{job}" (read by id, ETag-guarded) and its listing copy "n_{newest first}_{job}"
/// (listed newest first), always written together in one entity-group transaction.
/// JobItems: partition = "{tenant}_{job}" (one per job, so a wave's outcomes go 100 to a transaction), row = the item's key
/// escaped (store, then coupon: a store's items sit together).
/// </summary>
internal static class JobEntities
{
    /// <summary>Platform messages and URLs are cut to this length so 100 items stay well inside one transaction's 4 MiB.</summary>
    public const int MaxTextLength = 4000;

    public static string JobRow(JobId id) => $"j_{id.Value}";

    public static string ListingRow(Job job) => $"n_{Keys.NewestFirst(job.CreatedAt)}_{job.Id.Value}";

    public const string ListingPrefix = "n_";

    public static string ItemPartition(TenantId tenant, JobId job) => $"{tenant.Value}_{job.Value}";

    /// <summary>The key an item was created under: a deployment item (one per store) keeps its store key after its coupon is known.</summary>
    public static string StoredKey(JobItem item) =>
        item.Action == JobItem.CreateAction ? JobItem.KeyOf(item.StoreId, null) : item.Key;

    public static string ItemRow(string itemKey) => Keys.Escape(itemKey);

    public static TableEntity ToEntity(Job job, string rowKey) => new(job.TenantId.Value, rowKey)
    {
        ["JobId"] = job.Id.Value,
        ["Type"] = job.Type.ToString(),
        ["Title"] = job.Title,
        ["StartedByName"] = job.StartedBy.KeyName,
        ["StartedById"] = job.StartedBy.KeyId,
        ["CreatedAt"] = job.CreatedAt,
        ["FinishedAt"] = job.FinishedAt,
        ["CancelRequested"] = job.CancelRequested,
        ["Status"] = job.Status.ToString(),
        ["Total"] = job.Counts.Total,
        ["Pending"] = job.Counts.Pending,
        ["Started"] = job.Counts.Started,
        ["Succeeded"] = job.Counts.Succeeded,
        ["Failed"] = job.Counts.Failed,
        ["Skipped"] = job.Counts.Skipped,
        ["Cancelled"] = job.Counts.Cancelled,
        ["ReportExpiresAt"] = job.ReportExpiresAt,
    };

    /// <param name="withVersion">Only the job row's ETag is the job's version; a listing copy has its own.</param>
    public static Job ToJob(TableEntity e, bool withVersion) => new()
    {
        TenantId = TenantId.Parse(e.PartitionKey),
        Id = JobId.Parse(e.GetString("JobId")!),
        Type = Enum.Parse<JobType>(e.GetString("Type")!),
        Title = e.GetString("Title") ?? string.Empty,
        StartedBy = new JobStarter(e.GetString("StartedByName") ?? string.Empty, e.GetString("StartedById") ?? string.Empty),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        FinishedAt = e.GetDateTimeOffset("FinishedAt"),
        CancelRequested = e.GetBoolean("CancelRequested") ?? false,
        Counts = new JobCounts(Int(e, "Total"), Int(e, "Pending"), Int(e, "Started"), Int(e, "Succeeded"), Int(e, "Failed"), Int(e, "Skipped"), Int(e, "Cancelled")),
        ReportExpiresAt = e.GetDateTimeOffset("ReportExpiresAt"),
        Version = withVersion ? e.ETag.ToString() : null,
    };

    public static TableEntity ToEntity(TenantId tenant, JobItem item)
    {
        var key = StoredKey(item);
        var o = item.Outcome;
        return new TableEntity(ItemPartition(tenant, item.JobId), ItemRow(key))
        {
            ["Key"] = key,
            ["JobId"] = item.JobId.Value,
            ["StoreId"] = item.StoreId.Value,
            ["StoreName"] = item.StoreName,
            ["Platform"] = item.Platform.ToWire(),
            ["PlatformCouponId"] = item.PlatformCouponId,
            ["Action"] = item.Action,
            ["State"] = item.State.ToString(),
            ["StartedAt"] = item.StartedAt,
            ["FinishedAt"] = item.FinishedAt,
            ["HasOutcome"] = o is not null,
            ["OutcomeState"] = o?.State.ToString(),
            ["CouponId"] = o?.CouponId,
            ["Adopted"] = o?.Adopted,
            ["ReasonCode"] = o?.ReasonCode,
            ["Message"] = Cut(o?.Message),
            ["RuleCode"] = o?.RuleCode,
            ["PlatformCode"] = o?.PlatformCode,
            ["RequestId"] = o?.RequestId,
            ["HttpStatus"] = o?.HttpStatus,
            ["RequestUrl"] = Cut(o?.RequestUrl),
            ["Target"] = item.Target is null ? null : JsonSerializer.Serialize(item.Target, TargetJson),
        };
    }

    public static JobItem ToItem(TableEntity e) => new()
    {
        JobId = JobId.Parse(e.GetString("JobId")!),
        StoreId = StoreId.Parse(e.GetString("StoreId")!),
        StoreName = e.GetString("StoreName") ?? string.Empty,
        Platform = PlatformNames.TryParse(e.GetString("Platform"), out var platform) ? platform : throw new InvalidDataException($"Item {e.RowKey} has no known platform."),
        PlatformCouponId = e.GetString("PlatformCouponId"),
        Action = e.GetString("Action")!,
        State = Enum.Parse<JobItemState>(e.GetString("State")!),
        StartedAt = e.GetDateTimeOffset("StartedAt"),
        FinishedAt = e.GetDateTimeOffset("FinishedAt"),
        Outcome = e.GetBoolean("HasOutcome") == true
            ? new ItemOutcome
            {
                State = Enum.Parse<JobItemState>(e.GetString("OutcomeState")!),
                CouponId = e.GetString("CouponId"),
                Adopted = e.GetBoolean("Adopted") ?? false,
                ReasonCode = e.GetString("ReasonCode"),
                Message = e.GetString("Message"),
                RuleCode = e.GetString("RuleCode"),
                PlatformCode = e.GetString("PlatformCode"),
                RequestId = e.GetString("RequestId"),
                HttpStatus = e.GetInt32("HttpStatus"),
                RequestUrl = e.GetString("RequestUrl"),
            }
            : null,
        Target = e.GetString("Target") is { } target ? JsonSerializer.Deserialize<ActionTarget>(target, TargetJson) : null,
        Version = e.ETag.ToString(),
    };

    /// <summary>The prefix of the row keys of one store's bulk-action items ("{store}|{coupon}" escaped).</summary>
    public static string StoreItemPrefix(StoreId store) => ItemRow(JobItem.KeyOf(store, string.Empty));

    private static readonly JsonSerializerOptions TargetJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static int Int(TableEntity e, string name) => e.GetInt32(name) ?? 0;

    private static string? Cut(string? text) => text is { Length: > MaxTextLength } ? string.Concat(text.AsSpan(0, MaxTextLength - 1), "…") : text;
}
