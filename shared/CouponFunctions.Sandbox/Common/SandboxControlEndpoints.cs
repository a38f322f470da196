using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CouponFunctions.Sandbox.Common;

/// <summary>
/// Run-time control of a sandbox over HTTP, under its prefix:
/// <c>GET|POST|DELETE _control/faults[?shopId=]</c>, <c>POST _control/throttle</c>, <c>GET _control/stats</c>,
/// <c>POST _control/clock</c> (advance the business clock when it is a <see cref="SandboxClock"/>).
/// </summary>
internal static class SandboxControlEndpoints
{
    public static void MapSandboxControl(this IEndpointRouteBuilder group, SandboxFaults faults, SandboxThrottle throttle, SandboxStats stats, TimeProvider clock)
    {
        group.MapGet("/_control/faults", (string? shopId) => Results.Json(FaultPlanDto.From(faults.PlanFor(shopId), shopId)));
        group.MapPost("/_control/faults", (FaultPlanDto body) =>
        {
            faults.Set(body.ToPlan(), body.ShopId);
            return Results.NoContent();
        });
        group.MapDelete("/_control/faults", (string? shopId) =>
        {
            faults.Clear(shopId);
            return Results.NoContent();
        });
        group.MapPost("/_control/throttle", (ThrottleDto body) =>
        {
            throttle.Configure(body.AppQps, body.ShopQps, body.BurstSeconds ?? 1);
            return Results.NoContent();
        });
        group.MapGet("/_control/stats", () => Results.Json(new { stats.Calls, stats.Throttled, stats.Faults }));
        group.MapPost("/_control/clock", (ClockDto body) =>
        {
            if (clock is not SandboxClock movable) return Results.Problem("This sandbox's clock cannot be moved.", statusCode: 409);
            movable.Advance(TimeSpan.FromSeconds(body.AdvanceSeconds));
            return Results.Json(new { now = movable.GetUtcNow() });
        });
    }

    /// <summary>The HTTP shape of a <see cref="FaultPlan"/> (camelCase JSON; times in ms / s).</summary>
    internal sealed record FaultPlanDto(
        string? ShopId = null,
        double ErrorRate = 0,
        double ServerErrorRate = 0,
        double MalformedJsonRate = 0,
        double TimeoutRate = 0,
        double ThrottleRate = 0,
        bool ExpiredTokens = false,
        int LatencyMs = 0,
        double? RetryAfterSeconds = null,
        int? MaxFaults = null)
    {
        public FaultPlan ToPlan() => new()
        {
            ErrorRate = ErrorRate,
            ServerErrorRate = ServerErrorRate,
            MalformedJsonRate = MalformedJsonRate,
            TimeoutRate = TimeoutRate,
            ThrottleRate = ThrottleRate,
            ExpiredTokens = ExpiredTokens,
            Latency = TimeSpan.FromMilliseconds(LatencyMs),
            RetryAfter = RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            MaxFaults = MaxFaults,
        };

        public static FaultPlanDto From(FaultPlan plan, string? shopId) => new(
            shopId, plan.ErrorRate, plan.ServerErrorRate, plan.MalformedJsonRate, plan.TimeoutRate, plan.ThrottleRate,
            plan.ExpiredTokens, (int)plan.Latency.TotalMilliseconds, plan.RetryAfter?.TotalSeconds, plan.MaxFaults);
    }

    internal sealed record ThrottleDto(double AppQps, double ShopQps, double? BurstSeconds = null);

    internal sealed record ClockDto(double AdvanceSeconds);
}
