using System.Diagnostics;
using System.Globalization;
using CouponFunctions.Core.Common;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CouponFunctions.App.Api;

/// <summary>
/// Adds <c>Server-Timing</c> to every HTTP response: <c>app;dur=…</c>, the milliseconds from the invocation reaching the
/// worker's function pipeline (authentication included) to the response starting, then the spans the code below measured
/// in <see cref="RequestTimings"/>: <c>auth</c>, <c>storage</c> (every storage request, with their count), and the use
/// case's own phases (the coupon list's <c>rows</c>, <c>stores</c>, <c>query</c>). What a client measures beyond
/// <c>app</c> is the host, the host-to-worker bridge and the network; browsers show these in their developer tools, and
/// the list benchmark (B4) reports them.
/// </summary>
internal sealed class ServerTimingMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            var started = Stopwatch.GetTimestamp();
            var timings = RequestTimings.Start();
            http.Response.OnStarting(() =>
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var metrics = new List<string> { string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.0}") };
                metrics.AddRange(timings.ToMetrics());
                http.Response.Headers.Append("Server-Timing", string.Join(", ", metrics));
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
