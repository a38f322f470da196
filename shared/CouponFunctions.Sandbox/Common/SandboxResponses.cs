using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CouponFunctions.Sandbox.Common;

/// <summary>How a platform words the answers the shared sandbox parts give (its own error envelope).</summary>
internal interface ISandboxDialect
{
    /// <summary>The platform's internal-error answer (Shopee <c>error_server</c>).</summary>
    IResult InternalError(string requestId);

    /// <summary>The platform's throttle answer, with <c>Retry-After</c> when given.</summary>
    IResult Throttled(string requestId, TimeSpan? retryAfter);
}

/// <summary>Applies a fault plan to one call: latency first, then the chosen fault's answer.</summary>
internal static class SandboxFaultResponder
{
    // A hung call is released after this long at most, so nothing runs forever if a client never gives up.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(2);

    /// <summary>The answer that replaces the real one, or null to carry on.</summary>
    public static async Task<IResult?> ApplyAsync(HttpContext context, FaultPlan plan, SandboxFault fault, ISandboxDialect dialect, SandboxStats stats, string requestId)
    {
        if (plan.Latency > TimeSpan.Zero) await Task.Delay(plan.Latency, context.RequestAborted).ConfigureAwait(false);
        if (fault == SandboxFault.None) return null;
        stats.Fault();
        switch (fault)
        {
            case SandboxFault.Timeout:
                try
                {
                    await Task.Delay(HangLimit, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as intended.
                }
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            case SandboxFault.ServerError:
                return Results.Content("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", "text/html", statusCode: 503);
            case SandboxFault.MalformedJson:
                return Results.Content("{\"error\":\"\",\"message\":\"\",\"response\":{\"voucher_li", "application/json", statusCode: 200);
            case SandboxFault.Throttle:
                return dialect.Throttled(requestId, plan.RetryAfter);
            default:
                return dialect.InternalError(requestId);
        }
    }

    /// <summary>Wraps an answer so it carries <c>Retry-After</c> (whole seconds, rounded up).</summary>
    public static IResult WithRetryAfter(IResult inner, TimeSpan? retryAfter) =>
        retryAfter is { } wait ? new WithHeader(inner, "Retry-After", Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)) : inner;

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
