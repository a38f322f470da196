using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Clients.Pipeline;

/// <summary>One service endpoint of an account with its shared pipeline; the clients of that service build requests from it.</summary>
internal sealed class StorageService(
    StorageServiceKind kind,
    HttpPipeline pipeline,
    Uri endpoint,
    StorageConnection connection,
    StorageClientOptions options)
{
    public StorageServiceKind Kind { get; } = kind;

    public HttpPipeline Pipeline { get; } = pipeline;

    /// <summary>Service root without a trailing slash, e.g. <c>http://127.0.0.1:10002/devstoreaccount1</c>.</summary>
    public Uri Endpoint { get; } = endpoint;

    public StorageConnection Connection { get; } = connection;

    public StorageClientOptions Options { get; } = options;

    public string Version => Kind == StorageServiceKind.Table ? TableVersion : BlobQueueVersion;

    // Azure.Data.Tables pins 2019-02-02; 2021-12-02 is served by Azure and by Azurite 3.37 for Blob/Queue.
    public const string TableVersion = "2019-02-02";
    public const string BlobQueueVersion = "2021-12-02";

    /// <summary>A message for <paramref name="escapedPath"/> (already percent-encoded, starting with '/' or empty).</summary>
    public HttpMessage CreateMessage(RequestMethod method, string escapedPath)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Combine(escapedPath));
        request.Headers.SetValue("x-ms-version", Version);
        return message;
    }

    public Uri Combine(string escapedPath) => new(_root + escapedPath);

    private readonly string _root = endpoint.AbsoluteUri.TrimEnd('/');
}
