using CouponFunctions.App.Auth;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>POST /api/sends (editor): schedules a coupon send to a segment; 400 naming each field that fails, nothing written.</summary>
internal sealed class ScheduleSendFunction(ManageSendsHandler handler)
{
    [Function("ScheduleSend")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sends")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<SendRequestInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.ScheduleAsync(request.Caller(), input!, cancellationToken))
            .ToHttp(s => Results.Created($"/api/sends/{s.Id}", SendResponse.From(s)));
    }
}
