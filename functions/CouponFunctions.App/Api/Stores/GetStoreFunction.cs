using CouponFunctions.App.Auth;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>GET /api/stores/{storeId}: one store with its last sync.</summary>
internal sealed class GetStoreFunction(ManageStoresHandler handler, ISyncStateRepository syncStates, TimeProvider time)
{
    [Function("GetStore")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{storeId}")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        var caller = request.Caller();
        var result = await handler.GetAsync(caller, id, cancellationToken);
        var state = result.IsOk ? await syncStates.GetAsync(caller.TenantId, id, cancellationToken) : null;
        return result.ToHttp(s => Results.Ok(StoreResponse.From(s, time.GetUtcNow(), state)));
    }
}
