using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Tests.Jobs;

internal static class JobTestData
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    public static Job Job(TenantId tenant, DateTimeOffset? createdAt = null, JobId? id = null) => new()
    {
        TenantId = tenant,
        Id = id ?? JobId.New(),
        Type = JobType.BulkAction,
        Title = "Renew coupons by 7 days",
        StartedBy = new JobStarter("ops laptop", "key-1"),
        CreatedAt = createdAt ?? Now,
        Counts = JobCounts.Empty,
    };

    /// <summary>Bulk-action items: <paramref name="stores"/> stores with <paramref name="perStore"/> coupons each.</summary>
    public static List<JobItem> Items(JobId job, int stores, int perStore) =>
        Enumerable.Range(0, stores).SelectMany(s => Enumerable.Range(0, perStore).Select(c => new JobItem
        {
            JobId = job,
            StoreId = StoreId.Parse($"s-store{s:D3}"),
            StoreName = $"Store {s}",
            Platform = (Platform)(s % 4),
            PlatformCouponId = $"v/{c:D5}",
            Action = "renew",
        })).ToList();

    public static JobItem Deployment(JobId job, string store) => new()
    {
        JobId = job, StoreId = StoreId.Parse(store), StoreName = store, Platform = Platform.Shopee, Action = JobItem.CreateAction,
    };
}

/// <summary>Counts the HTTP requests a table client sends, to show that batches are batches.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => _count;

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);

    public static TableServiceClient Client(string connectionString, RequestCounter counter)
    {
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        return new TableServiceClient(connectionString, options);
    }
}
