using CouponFunctions.App.Auth;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>PATCH /api/stores/{storeId} (editor): changes the display name, time zone or credentials.</summary>
internal sealed class UpdateStoreFunction(ManageStoresHandler handler, TimeProvider time)
{
    [Function("UpdateStore")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "stores/{storeId}")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        var (input, problem) = await request.ReadJsonAsync<StoreChangeInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.UpdateAsync(request.Caller(), id, input!, cancellationToken)).ToHttp(s => Results.Ok(StoreResponse.From(s, time.GetUtcNow())));
    }
}
