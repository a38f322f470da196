using CouponFunctions.App.Auth;
using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Findings;

/// <summary>GET /api/findings: each visible store's latest inspection, its findings marked new, ongoing or resolved, and for an
/// open finding with a known fix the action preview's request, filled in.</summary>
internal sealed class ListFindingsFunction(ManageStoresHandler stores, IInspectionRepository inspections, FindingRemedyLookup remedies)
{
    [Function("ListFindings")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "findings")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        var visible = (await stores.ListAsync(caller, cancellationToken)).Where(s => s.Status != StoreStatus.Disabled).ToList();
        var runs = await Task.WhenAll(visible.Select(async s => (Store: s, Run: await inspections.GetLatestRunAsync(caller.TenantId, s.Id, cancellationToken))));
        var fixes = await Task.WhenAll(runs.Where(r => r.Run is not null).Select(async r => (r.Store.Id, Fixes: await remedies.ForAsync(caller.TenantId, r.Store,
            r.Run!.Findings.Where(f => f.IsOpen).Select(f => new FindingOnCoupon(f.Key, f.Finding.Code, f.Finding.PlatformCouponId)), cancellationToken))));
        return Results.Ok(FindingsResponse.From(runs, fixes.ToDictionary(f => f.Id, f => f.Fixes)));
    }
}
