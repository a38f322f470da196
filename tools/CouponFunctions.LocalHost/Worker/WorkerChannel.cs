using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RpcException = Grpc.Core.RpcException;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.LocalHost.Worker;

/// <summary>
/// The protocol with the worker, as Azure's host speaks it: StartStream → WorkerInitRequest → FunctionsMetadataRequest
/// (worker indexing) → FunctionLoadRequest per function, then InvocationRequest / InvocationResponse. Invocations wait for a
/// loaded worker (a restarted one included); RpcLog lines are printed with the function name and invocation id.
/// </summary>
internal sealed class WorkerChannel(string scriptRoot, ILogger<WorkerChannel> logger)
{
    private readonly object _gate = new();
    private TaskCompletionSource<WorkerConnection> _ready = NewReady();
    private readonly TaskCompletionSource<IReadOnlyCollection<FunctionDescriptor>> _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WorkerConnection? _current;

    /// <summary>Completes with the functions once the first worker has loaded them all (faults if that handshake fails).</summary>
    public Task<IReadOnlyCollection<FunctionDescriptor>> FirstLoad => _firstLoad.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> reader, IServerStreamWriter<StreamingMessage> writer, CancellationToken cancellationToken)
    {
        if (!await reader.MoveNext(cancellationToken).ConfigureAwait(false)) return;
        if (reader.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "The first message must be StartStream."));
        }

        var connection = new WorkerConnection(reader.Current.StartStream.WorkerId);
        var writing = WriteAllAsync(connection, writer, cancellationToken);
        var reading = ReadAllAsync(connection, reader, cancellationToken);
        try
        {
            await HandshakeAsync(connection, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _current = connection;
                _ready.TrySetResult(connection);
            }

            _firstLoad.TrySetResult(connection.Functions.Values.ToList());
            await reading.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or RpcException)
        {
            _firstLoad.TrySetException(ex);
            logger.LogError("Worker {WorkerId} failed: {Message}", connection.WorkerId, ex.Message);
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_current, connection))
                {
                    _current = null;
                    _ready = NewReady();
                }
            }

            connection.Close();
            await writing.ConfigureAwait(false);
        }
    }

    /// <summary>Sends one invocation to the loaded worker (waiting for one if it is restarting) and returns its response.</summary>
    public async Task<InvocationResponse> InvokeAsync(FunctionDescriptor function, InvocationRequest request, CancellationToken cancellationToken)
    {
        var connection = await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        request.FunctionId = connection.Functions.TryGetValue(function.Name, out var loaded) ? loaded.Id : function.Id;
        if (string.IsNullOrEmpty(request.InvocationId)) request.InvocationId = Guid.NewGuid().ToString();
        request.TraceContext ??= NewTraceContext();
        return await connection.Invoke(function.Name, request).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The worker's own HTTP address (ASP.NET Core integration), once a worker is loaded.</summary>
    public async Task<Uri> HttpUriAsync(CancellationToken cancellationToken)
    {
        var connection = await _ready.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return connection.HttpUri ?? throw new WorkerUnavailableException("The worker did not report an HttpUri: is ConfigureFunctionsWebApplication() called?");
    }

    /// <summary>Asks the connected worker to stop; false when no worker is connected.</summary>
    public bool Terminate(TimeSpan gracePeriod)
    {
        WorkerConnection? connection;
        lock (_gate) connection = _current;
        if (connection is null) return false;
        try
        {
            connection.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) } });
            return true;
        }
        catch (WorkerUnavailableException)
        {
            return false;
        }
    }

    private async Task HandshakeAsync(WorkerConnection connection, CancellationToken cancellationToken)
    {
        var init = new WorkerInitRequest { HostVersion = "4.1000.0", FunctionAppDirectory = scriptRoot, WorkerDirectory = scriptRoot };
        init.Capabilities.Add("RpcHttpTriggerMetadataRemoved", "true");
        init.Capabilities.Add("RpcHttpBodyOnly", "true");
        init.Capabilities.Add("TypedDataCollection", "true");
        init.Capabilities.Add("HandlesWorkerTerminateMessage", "true");
        init.Capabilities.Add("HttpUri", "true");
        connection.Send(new StreamingMessage { WorkerInitRequest = init });
        var initResponse = (await ExpectAsync(connection, StreamingMessage.ContentOneofCase.WorkerInitResponse, cancellationToken).ConfigureAwait(false)).WorkerInitResponse;
        EnsureSuccess(initResponse.Result, "WorkerInitRequest");
        if (initResponse.Capabilities.TryGetValue("HttpUri", out var httpUri)) connection.HttpUri = new Uri(httpUri);

        connection.Send(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = scriptRoot } });
        var metadata = (await ExpectAsync(connection, StreamingMessage.ContentOneofCase.FunctionMetadataResponse, cancellationToken).ConfigureAwait(false)).FunctionMetadataResponse;
        EnsureSuccess(metadata.Result, "FunctionsMetadataRequest");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asked for host indexing (function.json); this host supports worker indexing only.");
        }

        var functions = new Dictionary<string, FunctionDescriptor>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in metadata.FunctionMetadataResults)
        {
            connection.Send(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function } });
            var loaded = (await ExpectAsync(connection, StreamingMessage.ContentOneofCase.FunctionLoadResponse, cancellationToken).ConfigureAwait(false)).FunctionLoadResponse;
            EnsureSuccess(loaded.Result, $"FunctionLoadRequest {function.Name}");
            functions[function.Name] = FunctionDescriptor.FromMetadata(function);
        }

        connection.Functions = functions;
        logger.LogInformation("Worker {WorkerId} loaded {Count} functions: {Names}", connection.WorkerId, functions.Count, string.Join(", ", functions.Keys.Order(StringComparer.Ordinal)));
    }

    private static async Task<StreamingMessage> ExpectAsync(WorkerConnection connection, StreamingMessage.ContentOneofCase expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await connection.ReadControlAsync(cancellationToken).ConfigureAwait(false);
            if (message.ContentCase == expected) return message;
        }
    }

    private static void EnsureSuccess(StatusResult? result, string step)
    {
        if (result is null || result.Status == StatusResult.Types.Status.Success) return;
        throw new InvalidOperationException($"{step} failed: {result.Exception?.Message ?? result.Result}");
    }

    private async Task ReadAllAsync(WorkerConnection connection, IAsyncStreamReader<StreamingMessage> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var message = reader.Current;
                if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog) Log(connection, message.RpcLog);
                else connection.Received(message);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or RpcException)
        {
            // The worker went away; RunAsync closes the connection.
        }
        finally
        {
            connection.Close();
        }
    }

    private static async Task WriteAllAsync(WorkerConnection connection, IServerStreamWriter<StreamingMessage> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in connection.Outgoing.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or RpcException)
        {
            connection.Close();
        }
    }

    private void Log(WorkerConnection connection, RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        // The worker's own framework chatter (ASP.NET Core request logs, system logs) only from Warning up.
        var framework = log.LogCategory == RpcLog.Types.RpcLogCategory.System || log.Category.StartsWith("Microsoft.", StringComparison.Ordinal);
        if (framework && level < LogLevel.Warning) return;
        var exception = log.Exception is null ? string.Empty : $" {log.Exception.Type}: {log.Exception.Message}";
        if (string.IsNullOrEmpty(log.InvocationId))
        {
            logger.Log(level, "[worker] {Message}{Exception}", log.Message, exception);
            return;
        }

        var function = connection.FunctionNameOf(log.InvocationId) ?? "?";
        logger.Log(level, "[{Function} {InvocationId}] {Message}{Exception}", function, log.InvocationId, log.Message, exception);
    }

    private static RpcTraceContext NewTraceContext()
    {
        var activity = Activity.Current;
        var traceParent = activity?.Id is { } id && id.StartsWith("00-", StringComparison.Ordinal)
            ? id
            : $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";
        return new RpcTraceContext { TraceParent = traceParent, TraceState = activity?.TraceStateString ?? string.Empty };
    }

    private static TaskCompletionSource<WorkerConnection> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
