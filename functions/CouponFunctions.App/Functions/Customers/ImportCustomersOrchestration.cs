using CouponFunctions.Core.Customers.Import;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CouponFunctions.App.Functions.Customers;

/// <summary>One customer import.</summary>
internal sealed record ImportRef(TenantId TenantId, string ImportId);

/// <summary>Runs a customer import as one activity (the stream is read once, start to end; a retry after a crash reads it again:
/// upserts by external id are idempotent and the report is rewritten).</summary>
internal static class ImportCustomersOrchestration
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5)));

    public static string InstanceId(TenantId tenant, string importId) => $"import-{tenant.Value}-{importId}";

    [Function(nameof(ImportCustomersOrchestration))]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, ImportRef import) =>
        context.CallActivityAsync(nameof(ImportCustomersActivity), import, Retry);
}

/// <summary>The import's activity: a thin adapter over <see cref="CustomerImportHandler.RunAsync"/>.</summary>
internal sealed class ImportCustomersActivity(CustomerImportHandler handler)
{
    [Function(nameof(ImportCustomersActivity))]
    public async Task RunAsync([ActivityTrigger] ImportRef import, CancellationToken cancellationToken) =>
        await handler.RunAsync(import.TenantId, import.ImportId, cancellationToken);
}
