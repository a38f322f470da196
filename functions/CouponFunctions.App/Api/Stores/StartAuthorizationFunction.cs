using CouponFunctions.App.Auth;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>
/// POST /api/stores/{storeId}/authorize (editor): the platform's authorization URL for the seller, with our callback
/// (<see cref="CompleteAuthorizationFunction"/>) on the address the caller reached us at.
/// </summary>
internal sealed class StartAuthorizationFunction(ConnectStoreHandler handler, ManageStoresHandler stores)
{
    [Function("StartAuthorization")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{storeId}/authorize")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        var store = await stores.GetAsync(request.Caller(), id, cancellationToken);
        if (!store.IsOk) return store.ToHttp(_ => Results.Empty);
        var callback = new Uri($"{PublicOrigin(request)}/api/oauth/{store.Value.Platform.ToWire()}/callback");
        return (await handler.StartAsync(request.Caller(), id, callback, cancellationToken))
            .ToHttp(url => Results.Ok(new { authorizationUrl = url, callbackUrl = callback }));
    }

    /// <summary>The origin the caller used: a forwarding host's X-Forwarded-Host/-Proto when present, else the request's own.</summary>
    private static string PublicOrigin(HttpRequest request)
    {
        var host = request.Headers["X-Forwarded-Host"].ToString() is { Length: > 0 } forwarded ? forwarded.Split(',')[0].Trim() : request.Host.ToString();
        var scheme = request.Headers["X-Forwarded-Proto"].ToString() is { Length: > 0 } proto ? proto.Split(',')[0].Trim() : request.Scheme;
        return $"{scheme}://{host}{request.PathBase}";
    }
}
