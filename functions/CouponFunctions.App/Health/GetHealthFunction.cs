using CouponFunctions.App.Auth;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Health;

/// <summary>GET /api/health (no key): the worker answers, and each storage service is reachable (200, else 503).</summary>
internal sealed class GetHealthFunction(StorageProbe probe)
{
    [Function("GetHealth")]
    [Anonymous]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var checks = await probe.RunAsync(cancellationToken);
        var healthy = checks.Values.All(c => c.Status == "ok");
        return Results.Json(
            new { status = healthy ? "healthy" : "unhealthy", worker = "dotnet-isolated", checks },
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
