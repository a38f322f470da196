using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace CouponFunctions.LocalHost.Worker;

/// <summary>
/// One worker's event stream once it has said StartStream: a single writer (gRPC allows one write at a time), the
/// invocations waiting for their response, and the functions the worker loaded (by name).
/// </summary>
internal sealed class WorkerConnection
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, PendingInvocation> _pending = new(StringComparer.Ordinal);
    private readonly Channel<StreamingMessage> _control = Channel.CreateUnbounded<StreamingMessage>();

    public WorkerConnection(string workerId) => WorkerId = workerId;

    public string WorkerId { get; }

    /// <summary>The worker's own HTTP server (ASP.NET Core integration), from WorkerInitResponse's capabilities.</summary>
    public Uri? HttpUri { get; set; }

    public IReadOnlyDictionary<string, FunctionDescriptor> Functions { get; set; } = new Dictionary<string, FunctionDescriptor>();

    public ChannelReader<StreamingMessage> Outgoing => _outgoing.Reader;

    public void Send(StreamingMessage message)
    {
        if (!_outgoing.Writer.TryWrite(message)) throw new WorkerUnavailableException("The worker's stream is closed.");
    }

    /// <summary>Handshake answers (init, metadata, load) arrive here in order.</summary>
    public ValueTask<StreamingMessage> ReadControlAsync(CancellationToken cancellationToken) => _control.Reader.ReadAsync(cancellationToken);

    public void Received(StreamingMessage message)
    {
        if (message.ContentCase == StreamingMessage.ContentOneofCase.InvocationResponse)
        {
            if (_pending.TryRemove(message.InvocationResponse.InvocationId, out var pending)) pending.Completion.TrySetResult(message.InvocationResponse);
            return;
        }

        _control.Writer.TryWrite(message);
    }

    public string? FunctionNameOf(string invocationId) => _pending.TryGetValue(invocationId, out var pending) ? pending.FunctionName : null;

    public Task<InvocationResponse> Invoke(string functionName, InvocationRequest request)
    {
        var pending = new PendingInvocation(functionName);
        _pending[request.InvocationId] = pending;
        Send(new StreamingMessage { InvocationRequest = request });
        return pending.Completion.Task;
    }

    /// <summary>The stream ended (the worker exited or was told to): every waiting invocation fails, nothing more is sent.</summary>
    public void Close()
    {
        _outgoing.Writer.TryComplete();
        _control.Writer.TryComplete();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Completion.TrySetException(new WorkerUnavailableException($"The worker stopped before invocation {id} of {pending.FunctionName} finished."));
            }
        }
    }

    private sealed class PendingInvocation(string functionName)
    {
        public string FunctionName { get; } = functionName;

        public TaskCompletionSource<InvocationResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

internal sealed class WorkerUnavailableException(string message) : Exception(message);
