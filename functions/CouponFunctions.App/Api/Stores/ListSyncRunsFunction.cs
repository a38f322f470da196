using CouponFunctions.App.Auth;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>GET /api/stores/{storeId}/sync-runs: the store's last 50 sync runs, newest first.</summary>
internal sealed class ListSyncRunsFunction(ManageStoresHandler handler, ISyncStateRepository syncStates)
{
    [Function("ListSyncRuns")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{storeId}/sync-runs")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        var caller = request.Caller();
        var found = await handler.GetAsync(caller, id, cancellationToken);
        return found.IsOk
            ? Results.Ok(new { items = await syncStates.ListRunsAsync(caller.TenantId, id, 50, cancellationToken) })
            : found.ToHttp(_ => Results.Empty);
    }
}
