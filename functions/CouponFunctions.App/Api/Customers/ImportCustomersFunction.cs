using CouponFunctions.App.Auth;
using CouponFunctions.App.Functions.Customers;
using CouponFunctions.Core.Customers.Import;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Api.Customers;

/// <summary>POST /api/customers/import[?storeId=] (editor), body a CSV: stores the upload as it streams in and starts the import job;
/// 202 with the job to poll at GET /api/customers/import/{importId}.</summary>
internal sealed class ImportCustomersFunction(CustomerImportHandler handler)
{
    [Function("ImportCustomers")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "customers/import")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = await handler.StartAsync(request.Caller(), request.Body, request.Query["storeId"], cancellationToken);
        if (started.IsOk)
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ImportCustomersOrchestration), new ImportRef(started.Value!.TenantId, started.Value.Id),
                new StartOrchestrationOptions(ImportCustomersOrchestration.InstanceId(started.Value.TenantId, started.Value.Id)), cancellationToken);
        return started.ToHttp(i => Results.Accepted($"/api/customers/import/{i.Id}", ImportResponse.From(i, null)));
    }
}
