using CouponFunctions.App.Auth;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Performance;

/// <summary>
/// GET /api/performance/settings: the reporting currency, exchange rates and diagnosis thresholds. PUT (admin with an
/// unscoped key: the settings cover the whole workspace) replaces them; 400 naming each bad field.
/// </summary>
internal sealed class ReportingSettingsFunction(IReportingSettingsRepository repository)
{
    [Function("GetReportingSettings")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "performance/settings")] HttpRequest request, CancellationToken cancellationToken) =>
        Results.Ok(await repository.GetAsync(request.Caller().TenantId, cancellationToken));

    [Function("SaveReportingSettings")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Admin)]
    public async Task<IResult> SaveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "performance/settings")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        var (input, problem) = await request.ReadJsonAsync<ReportingSettingsInput>(cancellationToken);
        if (problem is not null) return problem;
        var result = ReportingSettings.Validate(input!.Currency, input.Rates, input.Thresholds);
        if (result.IsOk) await repository.SaveAsync(caller.TenantId, result.Value, cancellationToken);
        return result.ToHttp(Results.Ok);
    }

    private sealed record ReportingSettingsInput(string? Currency, Dictionary<string, decimal>? Rates, DiagnosisThresholds? Thresholds);
}
