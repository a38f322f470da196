using CouponFunctions.App.Auth;
using CouponFunctions.Core.Performance;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Performance;

/// <summary>
/// GET /api/performance/diagnosis[?format=csv]: running and paused coupons placed in the diagnosis quadrant by the tenant's
/// thresholds. The JSON has every quadrant's count and at most <see cref="MaxPoints"/> coupons (those to act on first: consider
/// ending, then threshold too high, then needs exposure, then healthy); the CSV has them all, in the same order.
/// </summary>
internal sealed class GetDiagnosisFunction(GetPerformanceHandler handler)
{
    private const int MaxPoints = 500;

    [Function("GetDiagnosis")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "performance/diagnosis")] HttpRequest request, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv")) return ApiResults.BadField("format", "json or csv.");
        var (coupons, without, thresholds) = await handler.DiagnoseAsync(request.Caller(), cancellationToken);
        if (format == "csv") return Results.File(System.Text.Encoding.UTF8.GetBytes(PerformanceCsv.Diagnosis(coupons)), "text/csv; charset=utf-8", "diagnosis.csv");
        return Results.Ok(new
        {
            thresholds,
            withoutQuantity = without,
            counts = Counts(coupons),
            total = coupons.Count,
            coupons = coupons.Take(MaxPoints).Select(c => new
            {
                storeId = c.Coupon.StoreId.Value, storeName = c.Coupon.StoreName, couponId = c.Coupon.PlatformCouponId, name = c.Coupon.Name,
                claimed = c.Coupon.ClaimedCount, quantity = c.Coupon.TotalQuantity, used = c.Coupon.UsedCount,
                claimRate = c.ClaimRate, useRate = c.UseRate, diagnosis = c.Diagnosis,
            }),
        });
    }

    private static Dictionary<Diagnosis, int> Counts(IReadOnlyList<DiagnosedCoupon> coupons)
    {
        var counts = Enum.GetValues<Diagnosis>().ToDictionary(d => d, _ => 0);
        foreach (var coupon in coupons) counts[coupon.Diagnosis]++;
        return counts;
    }
}
