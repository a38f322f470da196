namespace CouponFunctions.LocalHost.Worker;

/// <summary>The loopback address of the host's gRPC server (FunctionRpc and the Durable client endpoint), known once it listens.</summary>
internal sealed class GrpcEndpoint
{
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _current;

    public Task<Uri> Address => _address.Task;

    /// <summary>The address; only asked for after the server listens (the worker connects to it).</summary>
    public Uri Current => _current ?? throw new InvalidOperationException("The gRPC server is not listening yet.");

    public void Listening(Uri address)
    {
        _current = address;
        _address.TrySetResult(address);
    }
}
