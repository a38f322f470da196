using CouponFunctions.App.Auth;
using CouponFunctions.Core.Deployments;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Deployments;

/// <summary>POST /api/deployments/preview: per store, the coupon as its platform will receive it and the rule verdicts,
/// with a ready / warnings / blocked summary. Nothing is written.</summary>
internal sealed class PreviewDeploymentFunction(PreviewDeploymentHandler handler)
{
    [Function("PreviewDeployment")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deployments/preview")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<DeploymentPreviewInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.HandleAsync(request.Caller(), input, cancellationToken)).ToHttp(preview => Results.Ok(new
        {
            summary = preview.Summary,
            stores = preview.Stores.Select(s => new
            {
                storeId = s.StoreId.Value, storeName = s.StoreName, platform = s.Platform, site = s.Site, verdict = s.Verdict,
                coupon = s.View, draft = s.Draft, visibility = s.Visibility, issues = s.Issues, advice = s.Advice,
            }),
        }));
    }
}
