using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Coupons;

/// <summary>/api/coupons: the list across stores (filters, sort, paging), CSV export and one coupon's detail.</summary>
internal static class CouponsEndpoints
{
    public static RouteGroupBuilder MapCoupons(this RouteGroupBuilder api, TimeProvider time)
    {
        var coupons = api.MapGroup("/coupons").WithTags("Coupons");

        coupons.MapGet("/", async (HttpContext http, ListCouponsHandler handler, CancellationToken ct) =>
            (await handler.PageAsync(http.Caller(), QueryParameters.From(http.Request), ct)).ToHttp(page => Results.Ok(new
            {
                items = page.Items,
                continuation = page.ContinuationToken,
                totalMatched = page.TotalMatched,
            })));

        coupons.MapGet("/export", async (HttpContext http, ListCouponsHandler handler, CancellationToken ct) =>
        {
            var result = await handler.ExportAsync(http.Caller(), QueryParameters.From(http.Request), ct);
            if (!result.IsOk) return result.ToHttp(_ => Results.Empty);
            var fileName = $"coupons-{http.Caller().TenantId}-{time.GetUtcNow():yyyyMMdd-HHmm}.csv";
            return Results.Stream(
                stream => CouponCsvWriter.WriteAsync(stream, result.Value, ct),
                contentType: "text/csv; charset=utf-8",
                fileDownloadName: fileName);
        });

        coupons.MapGet("/{storeId}/{couponId}", async (string storeId, string couponId, HttpContext http, GetCouponDetailHandler handler, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var store)) return ApiResults.BadField("storeId", "Not a store id.");
            return (await handler.HandleAsync(http.Caller(), store, couponId, ct)).ToHttp(d => Results.Ok(CouponDetailResponse.From(d)));
        });
        return api;
    }
}
