using System.Diagnostics;
using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CouponFunctions.App.Api;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> to every HTTP response: the milliseconds from the invocation reaching the worker's
/// function pipeline (authentication included) to the response starting. What a client measures beyond it is the host, the
/// host-to-worker bridge and the network; browsers show it in their developer tools, and the list benchmark (B4) reports it.
/// </summary>
internal sealed class ServerTimingMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            var started = Stopwatch.GetTimestamp();
            http.Response.OnStarting(() =>
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                http.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.0}"));
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
