using CouponFunctions.App.Auth;
using CouponFunctions.Core.BulkActions;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>POST /api/coupons/actions/preview: per selected coupon, what a bulk action (renew, replenish, endNow, delete,
/// deactivate, modify, cloneAsNew) will change, or why its platform does not allow it. Nothing is written or called.</summary>
internal sealed class PreviewCouponActionFunction(PreviewBulkActionHandler handler)
{
    [Function("PreviewCouponAction")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coupons/actions/preview")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<BulkActionPreviewInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.HandleAsync(request.Caller(), input, cancellationToken))
            .ToHttp(preview => Results.Ok(new { summary = preview.Summary, coupons = preview.Coupons }));
    }
}
