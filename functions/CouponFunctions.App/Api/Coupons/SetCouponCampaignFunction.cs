using CouponFunctions.App.Auth;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>
/// POST /api/coupons/campaign {"campaign": "Mid-Year Sale" | null, "coupons": [{"storeId", "couponId"}, ...]} (editor, its
/// stores): sets or clears the campaign of up to 500 listed coupons. Only our own tag changes; nothing is sent to a platform.
/// </summary>
internal sealed class SetCouponCampaignFunction(SetCouponCampaignHandler handler)
{
    [Function("SetCouponCampaign")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coupons/campaign")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await request.ReadJsonAsync<SetCampaignInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.HandleAsync(request.Caller(), body!.Campaign, body.Coupons, cancellationToken))
            .ToHttp(change => Results.Ok(new { campaign = change.Campaign, coupons = change.Coupons, stores = change.Stores }));
    }
}

internal sealed record SetCampaignInput(string? Campaign, IReadOnlyList<CouponReference>? Coupons);
