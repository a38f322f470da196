using CouponFunctions.App.Auth;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>GET /api/stores: the caller's stores with their last sync, by display name.</summary>
internal sealed class ListStoresFunction(ManageStoresHandler handler, ISyncStateRepository syncStates, TimeProvider time)
{
    [Function("ListStores")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        var statesTask = syncStates.ListAsync(caller.TenantId, cancellationToken);
        var list = await handler.ListAsync(caller, cancellationToken);
        var states = (await statesTask).ToDictionary(s => s.StoreId);
        var now = time.GetUtcNow();
        return Results.Ok(new
        {
            items = list.OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase).Select(s => StoreResponse.From(s, now, states.GetValueOrDefault(s.Id))),
        });
    }
}
