using Azure.Core.Pipeline;
using CouponFunctions.Storage.Clients.Auth;

namespace CouponFunctions.Storage.Clients.Pipeline;

internal static class StoragePipelineFactory
{
    public const string StorageScope = "https://storage.azure.com/.default";

    public static StorageService Create(StorageConnection connection, StorageClientOptions options, StorageServiceKind kind)
    {
        var endpoint = kind switch
        {
            StorageServiceKind.Table => connection.TableEndpoint,
            StorageServiceKind.Queue => connection.QueueEndpoint,
            _ => connection.BlobEndpoint,
        } ?? throw new InvalidOperationException($"The storage connection has no {kind} endpoint.");

        var pipelineOptions = new HttpPipelineOptions(options) { RequestFailedDetailsParser = StorageErrorParser.Instance };
        // Per retry: each attempt gets a fresh x-ms-date and signature.
        pipelineOptions.PerRetryPolicies.Add(new StorageDatePolicy(options.TimeProvider));
        pipelineOptions.PerRetryPolicies.Add(connection.SharedKey is { } key
            ? kind == StorageServiceKind.Table ? new TableSharedKeyLitePolicy(key) : new StorageSharedKeyPolicy(key)
            : new BearerTokenAuthenticationPolicy(connection.TokenCredential!, StorageScope));
        return new StorageService(kind, HttpPipelineBuilder.Build(pipelineOptions), endpoint, connection, options);
    }
}
