using CouponFunctions.App.Auth;
using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Settings;

/// <summary>PUT /api/settings/alerts (admin): recipients, inspection slots and thresholds; 400 naming each bad field.</summary>
internal sealed class SaveAlertSettingsFunction(IAlertSettingsRepository repository)
{
    [Function("SaveAlertSettings")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Admin)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/alerts")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<AlertSettingsInput>(cancellationToken);
        if (problem is not null) return problem;
        var tenant = request.Caller().TenantId;
        var result = input!.Apply(await repository.GetAsync(tenant, cancellationToken));
        if (result.IsOk) await repository.SaveAsync(tenant, result.Value, cancellationToken);
        return result.ToHttp(saved => Results.Ok(AlertSettingsInput.From(saved)));
    }
}
