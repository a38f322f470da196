using CouponFunctions.App.Auth;
using CouponFunctions.Core.Alerts;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Settings;

/// <summary>GET /api/settings/alerts: who gets alerts and digests, inspection slots and thresholds.</summary>
internal sealed class GetAlertSettingsFunction(IAlertSettingsRepository repository)
{
    [Function("GetAlertSettings")]
    [WorkspaceWide]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/alerts")] HttpRequest request, CancellationToken cancellationToken) =>
        Results.Ok(AlertSettingsInput.From(await repository.GetAsync(request.Caller().TenantId, cancellationToken)));
}
