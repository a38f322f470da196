using System.Text.Json;
using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// One table over the Table REST API (x-ms-version 2019-02-02, JSON minimal metadata), shaped like Azure.Data.Tables' TableClient.
/// Keys are validated before any request; ETag races come back as <see cref="TableWriteResult"/> rather than exceptions.
/// </summary>
public sealed partial class TableClient
{
    private const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";
    private readonly StorageService _service;

    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
        : this(StoragePipelineFactory.Create(StorageConnection.Parse(connectionString), options ?? new StorageClientOptions(), StorageServiceKind.Table), tableName)
    {
    }

    internal TableClient(StorageService service, string tableName)
    {
        StorageNames.ValidateTableName(tableName);
        _service = service;
        Name = tableName;
    }

    public string Name { get; }

    public Uri Uri => _service.Combine("/" + Name);

    /// <summary>Creates the table; an existing table is not an error.</summary>
    public async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, "/Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204 || (response.Status == 409 && StorageHttp.ErrorCode(response) == "TableAlreadyExists"))
        {
            return Response.FromValue(new TableItem(Name), response);
        }

        throw StorageHttp.Failure(response);
    }

    /// <summary>Deletes the table; a missing table is not an error (the response says 404).</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, $"/Tables('{Name}')");
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 404 ? response : throw StorageHttp.Failure(response);
    }

    /// <summary>Point read; a missing entity gives <c>HasValue == false</c>, not an exception.</summary>
    public async Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(
        string partitionKey,
        string rowKey,
        IEnumerable<string>? select = null,
        CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(TableEntity.PartitionKey));
        TableKeys.Validate(rowKey, nameof(TableEntity.RowKey));
        using var message = CreateMessage(RequestMethod.Get, TableKeys.EntityPath(Name, partitionKey, rowKey));
        AppendSelect(message, select);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404) return new NoValueResponse<TableEntity>(response);
        if (response.Status != 200) throw StorageHttp.Failure(response);
        using var document = JsonDocument.Parse(response.Content);
        return Response.FromValue(TableEntityJson.Deserialize(document.RootElement, StorageHttp.ETagHeader(response)), response);
    }

    /// <summary>
    /// Inserts; an existing entity throws <see cref="RequestFailedException"/> with ErrorCode <c>EntityAlreadyExists</c> (409).
    /// After a retried timeout that 409 may be our own first attempt: use Upsert or an ETag-guarded update where that matters.
    /// </summary>
    public async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        using var message = CreateMessage(RequestMethod.Post, "/" + Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, TableEntityJson.Serialize(entity));
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 201 or 204 ? response : throw StorageHttp.Failure(response);
    }

    /// <summary>Insert-or-replace / insert-or-merge, unconditionally.</summary>
    public async Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        using var message = CreateEntityWrite(entity, mode, ifMatch: null);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 204 ? response : throw StorageHttp.Failure(response);
    }

    /// <summary>Replaces or merges an existing entity if its ETag still matches (<see cref="ETag.All"/> for unconditional).</summary>
    public async Task<TableWriteResult> UpdateEntityAsync(
        TableEntity entity,
        ETag ifMatch,
        TableUpdateMode mode = TableUpdateMode.Merge,
        CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        if (ifMatch == default) throw new ArgumentException("An ETag is required; pass ETag.All for an unconditional update.", nameof(ifMatch));
        using var message = CreateEntityWrite(entity, mode, ifMatch);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return ToWriteResult(response);
    }

    /// <summary>Deletes if the ETag still matches; the default ETag means unconditional (<c>If-Match: *</c>).</summary>
    public async Task<TableWriteResult> DeleteEntityAsync(
        string partitionKey,
        string rowKey,
        ETag ifMatch = default,
        CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(TableEntity.PartitionKey));
        TableKeys.Validate(rowKey, nameof(TableEntity.RowKey));
        using var message = CreateMessage(RequestMethod.Delete, TableKeys.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", (ifMatch == default ? ETag.All : ifMatch).ToString());
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return ToWriteResult(response);
    }

    private HttpMessage CreateEntityWrite(TableEntity entity, TableUpdateMode mode, ETag? ifMatch)
    {
        var method = mode == TableUpdateMode.Replace ? RequestMethod.Put : StorageHttp.Merge;
        var message = CreateMessage(method, TableKeys.EntityPath(Name, entity.PartitionKey, entity.RowKey));
        if (ifMatch is { } etag) message.Request.Headers.SetValue("If-Match", etag.ToString());
        SetJsonContent(message, TableEntityJson.Serialize(entity));
        return message;
    }

    private static TableWriteResult ToWriteResult(Response response) => response.Status switch
    {
        204 or 200 => new TableWriteResult(response, StorageHttp.ETagHeader(response), null),
        404 or 412 => new TableWriteResult(response, null, StorageHttp.ErrorCode(response)),
        _ => throw StorageHttp.Failure(response),
    };

    private HttpMessage CreateMessage(RequestMethod method, string escapedPath)
    {
        var message = _service.CreateMessage(method, escapedPath);
        message.Request.Headers.SetValue("Accept", JsonMinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJsonContent(HttpMessage message, byte[] body)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(body);
    }

    private static void AppendSelect(HttpMessage message, IEnumerable<string>? select)
    {
        var columns = select?.ToArray();
        if (columns is { Length: > 0 }) message.Request.Uri.AppendQuery("$select", string.Join(',', columns), escapeValue: true);
    }

    internal static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity[TableEntity.PartitionKeyName] is not string partitionKey) throw new ArgumentException("PartitionKey must be a string.", nameof(entity));
        if (entity[TableEntity.RowKeyName] is not string rowKey) throw new ArgumentException("RowKey must be a string.", nameof(entity));
        TableKeys.Validate(partitionKey, nameof(TableEntity.PartitionKey));
        TableKeys.Validate(rowKey, nameof(TableEntity.RowKey));
    }
}
