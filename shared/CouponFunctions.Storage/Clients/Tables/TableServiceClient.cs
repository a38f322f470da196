using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>Account-level Table operations and a cheap reachability probe for health checks.</summary>
public sealed class TableServiceClient
{
    private readonly StorageService _service;

    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StoragePipelineFactory.Create(StorageConnection.Parse(connectionString), options ?? new StorageClientOptions(), StorageServiceKind.Table))
    {
    }

    internal TableServiceClient(StorageService service) => _service = service;

    public Uri Uri => _service.Endpoint;

    public TableClient GetTableClient(string tableName) => new(_service, tableName);

    public Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    public Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);

    /// <summary>Lists at most one table: proves the endpoint answers and the credentials work. Throws <see cref="RequestFailedException"/> otherwise.</summary>
    public async Task<Response> PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = _service.CreateMessage(RequestMethod.Get, "/Tables");
        message.Request.Uri.AppendQuery("$top", "1", escapeValue: false);
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 200 ? response : throw StorageHttp.Failure(response);
    }
}
