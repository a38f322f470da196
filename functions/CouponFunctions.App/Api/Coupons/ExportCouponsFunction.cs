using CouponFunctions.App.Auth;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>GET /api/coupons/export: the same filters as the list, as a CSV download.</summary>
internal sealed class ExportCouponsFunction(ListCouponsHandler handler, TimeProvider time)
{
    [Function("ExportCoupons")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coupons/export")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        var result = await handler.ExportAsync(caller, QueryParameters.From(request), cancellationToken);
        if (!result.IsOk) return result.ToHttp(_ => Results.Empty);
        var fileName = $"coupons-{caller.TenantId}-{time.GetUtcNow():yyyyMMdd-HHmm}.csv";
        return Results.Stream(
            stream => CouponCsvWriter.WriteAsync(stream, result.Value, cancellationToken),
            contentType: "text/csv; charset=utf-8",
            fileDownloadName: fileName);
    }
}
