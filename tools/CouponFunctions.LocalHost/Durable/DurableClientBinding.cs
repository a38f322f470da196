using System.Text.Json;
using CouponFunctions.LocalHost.Worker;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace CouponFunctions.LocalHost.Durable;

/// <summary>
/// The <c>durableClient</c> input binding: the JSON the real extension sends, pointing the worker's DurableTaskClient at the
/// Durable Task gRPC endpoint (TaskHubSidecarService) this host serves on its loopback gRPC port.
/// </summary>
internal sealed class DurableClientBinding(DurableEngine engine, GrpcEndpoint endpoint, AppAddress app) : IInputBindingSource
{
    public void AddInputs(FunctionDescriptor function, InvocationRequest request)
    {
        foreach (var binding in function.InputBindingsOfType("durableClient"))
        {
            var json = JsonSerializer.Serialize(new
            {
                rpcBaseUrl = endpoint.Current.ToString(),
                taskHubName = binding["taskHub"]?.GetValue<string>() ?? engine.Options.HubName,
                connectionName = binding["connectionName"]?.GetValue<string>() ?? engine.Options.ConnectionName,
                requiredQueryStringParameters = string.Empty,
                httpBaseUrl = new Uri(app.BaseUrl, "runtime/webhooks/durabletask").ToString(),
                // Newer workers size their gRPC client from these; without them every answer "exceeds" a 0-byte limit.
                maxGrpcMessageSizeInBytes = engine.Options.MaxGrpcMessageSizeInBytes,
                // The worker reads this string as JSON of a TimeSpan (a quoted "00:01:40").
                grpcHttpClientTimeout = JsonSerializer.Serialize(engine.Options.GrpcHttpClientTimeout),
            });
            request.InputData.Add(new ParameterBinding { Name = binding["name"]?.GetValue<string>() ?? "client", Data = new TypedData { String = json } });
        }
    }
}
