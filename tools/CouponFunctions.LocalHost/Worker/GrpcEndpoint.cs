namespace CouponFunctions.LocalHost.Worker;

/// <summary>The loopback address of the host's gRPC server (FunctionRpc and the Durable client endpoint), known once it listens.</summary>
internal sealed class GrpcEndpoint
{
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Address => _address.Task;

    public void Listening(Uri address) => _address.TrySetResult(address);
}
