using CouponFunctions.App.Auth;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>GET /api/stores/{storeId}/failures: the store's last 50 platform failures (URLs redacted).</summary>
internal sealed class ListPlatformFailuresFunction(ManageStoresHandler handler, IPlatformFailureLog failures)
{
    [Function("ListPlatformFailures")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{storeId}/failures")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        var caller = request.Caller();
        var found = await handler.GetAsync(caller, id, cancellationToken);
        return found.IsOk
            ? Results.Ok(new { items = await failures.ListRecentAsync(caller.TenantId, id, 50, cancellationToken) })
            : found.ToHttp(_ => Results.Empty);
    }
}
