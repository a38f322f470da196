using System.Diagnostics;
using CouponFunctions.LocalHost.Configuration;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.LocalHost.Worker;

/// <summary>
/// Invokes one function in the worker for a trigger: adds the host-owned input bindings, applies host.json's
/// <c>functionTimeout</c>, and answers success or the worker's failure message.
/// </summary>
internal sealed class FunctionInvoker(WorkerChannel channel, ScriptRoot root, IEnumerable<IInputBindingSource> inputSources, ILogger<FunctionInvoker> logger)
{
    public async Task<InvocationResult> InvokeAsync(FunctionDescriptor function, InvocationRequest request, CancellationToken cancellationToken)
    {
        foreach (var source in inputSources) source.AddInputs(function, request);
        if (string.IsNullOrEmpty(request.InvocationId)) request.InvocationId = Guid.NewGuid().ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (root.FunctionTimeout is { } limit && limit > TimeSpan.Zero) timeout.CancelAfter(limit);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var response = await channel.InvokeAsync(function, request, timeout.Token).ConfigureAwait(false);
            if (response.Result?.Status == StatusResult.Types.Status.Success)
            {
                logger.LogInformation("Executed '{Function}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)", function.Name, request.InvocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return InvocationResult.Succeeded(response);
            }

            var error = response.Result?.Exception?.Message ?? response.Result?.Result ?? "the worker reported a failure";
            logger.LogError("[{Function} {InvocationId}] failed: {Error}", function.Name, request.InvocationId, error);
            return InvocationResult.Failed(error, response.Result?.Exception);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("[{Function} {InvocationId}] timed out after {Timeout} (host.json functionTimeout).", function.Name, request.InvocationId, root.FunctionTimeout);
            return InvocationResult.Failed("timed out (functionTimeout)", null, WorkerLost: true);
        }
        catch (WorkerUnavailableException ex)
        {
            logger.LogError("[{Function} {InvocationId}] failed: {Error}", function.Name, request.InvocationId, ex.Message);
            return InvocationResult.Failed(ex.Message, null, WorkerLost: true);
        }
    }
}

/// <summary>
/// How an invocation ended: the worker's response on success; otherwise the error, the function's exception when it threw,
/// and <see cref="WorkerLost"/> when no answer came (the worker died or the run timed out), which callers may retry.
/// </summary>
internal sealed record InvocationResult(bool Success, InvocationResponse? Response, string? Error, RpcException? Exception = null, bool WorkerLost = false)
{
    public static InvocationResult Succeeded(InvocationResponse response) => new(true, response, null);

    public static InvocationResult Failed(string error, RpcException? exception, bool WorkerLost = false) => new(false, null, error, exception, WorkerLost);
}
