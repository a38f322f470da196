using CouponFunctions.App.Auth;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>
/// POST /api/stores/{storeId}/authorize (editor): the platform's authorization URL for the seller, with our callback
/// (<see cref="CompleteAuthorizationFunction"/>) on the app's public address (the origin of Admin:PublicUrl; a Functions
/// host forwards requests to the worker under the worker's own address, so the request's host is not the public one).
/// </summary>
internal sealed class StartAuthorizationFunction(ConnectStoreHandler handler, ManageStoresHandler stores, AdminLinks links)
{
    [Function("StartAuthorization")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{storeId}/authorize")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        var store = await stores.GetAsync(request.Caller(), id, cancellationToken);
        if (!store.IsOk) return store.ToHttp(_ => Results.Empty);
        var callback = new Uri(links.AdminBaseUrl, $"/api/oauth/{store.Value.Platform.ToWire()}/callback");
        return (await handler.StartAsync(request.Caller(), id, callback, cancellationToken))
            .ToHttp(url => Results.Ok(new { authorizationUrl = url, callbackUrl = callback }));
    }
}
