using System.Text.Json;
using CouponFunctions.Handler.Hosting;

namespace CouponFunctions.Handler.Protocol;

/// <summary>
/// Invokes a function by name with a host payload and answers like a custom handler must: 200 with
/// {Outputs, Logs, ReturnValue}, or non-2xx so that the host retries (and in time poisons) the message.
/// The Functions host (POST /{FunctionName}) and the standalone runner both come through here.
/// </summary>
internal sealed class FunctionDispatcher(
    FunctionAppDefinition app,
    IServiceScopeFactory scopes,
    HttpPayloadBridge httpBridge,
    ILogger<FunctionDispatcher> logger)
{
    public async Task<InvocationOutcome> InvokeAsync(
        string functionName, ReadOnlyMemory<byte> payload, string? invocationId, CancellationToken cancellationToken)
    {
        var result = new InvocationResult();
        var function = app.Find(functionName);
        if (function is null)
        {
            result.Logs.Add($"No function named '{functionName}'.");
            return new InvocationOutcome(StatusCodes.Status404NotFound, result);
        }

        invocationId ??= Guid.NewGuid().ToString();
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["FunctionName"] = function.Name, ["InvocationId"] = invocationId });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (app.Host.FunctionTimeout is { } limit) timeout.CancelAfter(limit);

        try
        {
            var request = InvocationRequest.Parse(payload);
            var context = new InvocationContext(function, request, invocationId, result);
            await using var scope = scopes.CreateAsyncScope();
            if (function.Trigger is HttpTrigger http)
            {
                await httpBridge.InvokeAsync(http, request, result, scope.ServiceProvider, timeout.Token);
            }
            else
            {
                await scope.ServiceProvider.GetRequiredKeyedService<IFunction>(function.Name).InvokeAsync(context, timeout.Token);
            }
            return new InvocationOutcome(StatusCodes.Status200OK, result);
        }
        catch (Exception e) when (e is InvalidInvocationException or JsonException)
        {
            logger.LogError(e, "{FunctionName} got a payload it cannot use", function.Name);
            result.Logs.Add($"{function.Name} failed: {e.Message}");
            return new InvocationOutcome(StatusCodes.Status400BadRequest, result);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("{FunctionName} timed out after {Timeout}", function.Name, app.Host.FunctionTimeout);
            result.Logs.Add($"{function.Name} timed out after {app.Host.FunctionTimeout}.");
            return new InvocationOutcome(StatusCodes.Status500InternalServerError, result);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Exception messages of ours never carry secrets (tokens are redacted at the connector boundary).
            logger.LogError(e, "{FunctionName} failed", function.Name);
            result.Logs.Add($"{function.Name} failed: {e.GetType().Name}: {e.Message}");
            return new InvocationOutcome(StatusCodes.Status500InternalServerError, result);
        }
    }
}
