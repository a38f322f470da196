using CouponFunctions.Handler.Hosting;

namespace CouponFunctions.Handler.Protocol;

/// <summary>One invocation as a function sees it: its definition, the host payload and the result to fill.</summary>
internal sealed record InvocationContext(FunctionDefinition Function, InvocationRequest Request, string InvocationId, InvocationResult Result);

/// <summary>
/// A function endpoint: turns a trigger payload into one call on a use case. Registered as a keyed scoped service
/// under its function name (the function.json folder name).
/// </summary>
internal interface IFunction
{
    Task InvokeAsync(InvocationContext context, CancellationToken cancellationToken);
}

/// <summary>What the dispatcher answers the host: the HTTP status (non-2xx = failed invocation) and the body.</summary>
internal sealed record InvocationOutcome(int StatusCode, InvocationResult Result)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
