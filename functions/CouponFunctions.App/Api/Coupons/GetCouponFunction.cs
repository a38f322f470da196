using CouponFunctions.App.Auth;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>GET /api/coupons/{storeId}/{couponId}: one coupon's detail, history and findings.</summary>
internal sealed class GetCouponFunction(GetCouponDetailHandler handler)
{
    [Function("GetCoupon")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coupons/{storeId}/{couponId}")] HttpRequest request,
        string storeId, string couponId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var store)) return ApiResults.BadField("storeId", "Not a store id.");
        if (ApiResults.CheckRouteId("couponId", couponId) is { } bad) return bad;
        return (await handler.HandleAsync(request.Caller(), store, couponId, cancellationToken)).ToHttp(d => Results.Ok(CouponDetailResponse.From(d)));
    }
}
