using CouponFunctions.App.Auth;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Findings;

/// <summary>GET /api/findings: each visible store's latest inspection, its findings marked new, ongoing or resolved.</summary>
internal sealed class ListFindingsFunction(ManageStoresHandler stores, IInspectionRepository inspections)
{
    [Function("ListFindings")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "findings")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        var visible = (await stores.ListAsync(caller, cancellationToken)).Where(s => s.Status != StoreStatus.Disabled).ToList();
        var runs = await Task.WhenAll(visible.Select(async s => (Store: s, Run: await inspections.GetLatestRunAsync(caller.TenantId, s.Id, cancellationToken))));
        return Results.Ok(FindingsResponse.From(runs));
    }
}
