using CouponFunctions.App.Auth;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>GET /api/stores/{storeId}/send-slots: the next 48 times a send may be scheduled (whole hours of the store's clock, at least 2 hours ahead), for the time picker.</summary>
internal sealed class ListSendSlotsFunction(ManageSendsHandler handler)
{
    [Function("ListSendSlots")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{storeId}/send-slots")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        return (await handler.SlotsAsync(request.Caller(), id, 48, cancellationToken)).ToHttp(s => Results.Ok(new
        {
            timeZone = s.Zone.Id,
            items = s.Slots.Select(at => new { at, local = SendSchedule.Local(at, s.Zone) }),
        }));
    }
}
