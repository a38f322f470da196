using CouponFunctions.App.Auth;
using CouponFunctions.Core.Coupons;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>GET /api/coupons: the list across the caller's stores (filters, sort, paging by continuation).</summary>
internal sealed class ListCouponsFunction(ListCouponsHandler handler)
{
    [Function("ListCoupons")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coupons")] HttpRequest request, CancellationToken cancellationToken) =>
        (await handler.PageAsync(request.Caller(), QueryParameters.From(request), cancellationToken)).ToHttp(page => Results.Ok(new
        {
            items = page.Items,
            continuation = page.ContinuationToken,
            totalMatched = page.TotalMatched,
        }));
}
