using CouponFunctions.App.Auth;
using CouponFunctions.Core.Coupons.Campaigns;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>GET /api/campaigns: the campaigns on the caller's listed coupons, each with the stores that carry it and how many
/// coupons (the deploy wizard chooses stores by campaign with it).</summary>
internal sealed class ListCampaignsFunction(ListCampaignsHandler handler)
{
    [Function("ListCampaigns")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "campaigns")] HttpRequest request, CancellationToken cancellationToken) =>
        Results.Ok(new
        {
            items = (await handler.ListAsync(request.Caller(), cancellationToken))
                .Select(c => new { name = c.Name, tag = c.Tag, storeIds = c.StoreIds.Select(s => s.Value), coupons = c.Coupons }),
        });
}
