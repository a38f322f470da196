using Grpc.Core;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace CouponFunctions.LocalHost.Worker;

/// <summary>The host's side of <c>FunctionRpc.EventStream</c>: the worker connects here after it starts.</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
        => channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
