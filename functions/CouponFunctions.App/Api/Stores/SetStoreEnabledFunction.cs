using CouponFunctions.App.Auth;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>POST /api/stores/{storeId}/disable and /enable (editor): stop or resume syncing and inspecting a store.</summary>
internal sealed class SetStoreEnabledFunction(ManageStoresHandler handler, TimeProvider time)
{
    [Function("DisableStore")]
    [RequiresRole(ApiKeyRole.Editor)]
    public Task<IResult> DisableAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{storeId}/disable")] HttpRequest request, string storeId, CancellationToken cancellationToken) =>
        SetAsync(request, storeId, enabled: false, cancellationToken);

    [Function("EnableStore")]
    [RequiresRole(ApiKeyRole.Editor)]
    public Task<IResult> EnableAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{storeId}/enable")] HttpRequest request, string storeId, CancellationToken cancellationToken) =>
        SetAsync(request, storeId, enabled: true, cancellationToken);

    private async Task<IResult> SetAsync(HttpRequest request, string storeId, bool enabled, CancellationToken cancellationToken) =>
        !StoreId.TryParse(storeId, out var id)
            ? ApiResults.BadField("storeId", "Not a store id.")
            : (await handler.SetEnabledAsync(request.Caller(), id, enabled, cancellationToken)).ToHttp(s => Results.Ok(StoreResponse.From(s, time.GetUtcNow())));
}
