using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CouponFunctions.App.Api;

/// <summary>
/// Writes an HTTP function's <see cref="IResult"/> to the response and clears the invocation's return value. The ASP.NET Core
/// integration would write the result too, but then also serialize the same value into the invocation's gRPC answer to the
/// host, which discards it: a 1.4 MB dashboard answer was built twice and crossed to the host twice (in Azure as locally).
/// </summary>
internal sealed class HttpResultMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await next(context);
        if (context.GetHttpContext() is not { } http) return;
        var invocation = context.GetInvocationResult();
        if (invocation.Value is not IResult result) return;
        if (!http.RequestAborted.IsCancellationRequested) await result.ExecuteAsync(http);
        invocation.Value = null;
    }
}
