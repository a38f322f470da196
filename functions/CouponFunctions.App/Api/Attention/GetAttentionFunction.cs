using CouponFunctions.App.Auth;
using CouponFunctions.Core.Attention;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Attention;

/// <summary>GET /api/attention: what needs the operator now, worst first (the admin page's home).</summary>
internal sealed class GetAttentionFunction(GetAttentionHandler handler)
{
    [Function("GetAttention")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "attention")] HttpRequest request, CancellationToken cancellationToken)
    {
        var list = await handler.HandleAsync(request.Caller(), cancellationToken);
        return Results.Ok(new
        {
            items = list.Items.Select(i => new
            {
                kind = i.Kind,
                key = i.Key,
                storeId = i.StoreId?.Value,
                storeName = i.StoreName,
                timeZone = i.TimeZoneId,
                title = i.Title,
                detail = i.Detail,
                at = i.At,
                link = i.Link,
            }),
            acknowledgedFindings = list.AcknowledgedFindings,
        });
    }
}
