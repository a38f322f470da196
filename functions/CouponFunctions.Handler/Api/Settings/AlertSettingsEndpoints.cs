using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Settings;

/// <summary>/api/settings/alerts: who gets alerts and digests, inspection slots and thresholds (admins change them).</summary>
internal static class AlertSettingsEndpoints
{
    public static RouteGroupBuilder MapAlertSettings(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings/alerts").WithTags("Settings");

        settings.MapGet("/", async (HttpContext http, IAlertSettingsRepository repository, CancellationToken ct) =>
            Results.Ok(AlertSettingsInput.From(await repository.GetAsync(http.Caller().TenantId, ct))));

        settings.MapPut("/", async (HttpContext http, IAlertSettingsRepository repository, CancellationToken ct) =>
        {
            var (input, problem) = await http.Request.ReadJsonAsync<AlertSettingsInput>(ct);
            if (problem is not null) return problem;
            var tenant = http.Caller().TenantId;
            var result = input!.Apply(await repository.GetAsync(tenant, ct));
            if (result.IsOk) await repository.SaveAsync(tenant, result.Value, ct);
            return result.ToHttp(saved => Results.Ok(AlertSettingsInput.From(saved)));
        }).Requires(ApiKeyRole.Admin);
        return api;
    }
}
