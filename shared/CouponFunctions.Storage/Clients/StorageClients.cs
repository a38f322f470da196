using CouponFunctions.Storage.Clients.Blobs;
using CouponFunctions.Storage.Clients.Pipeline;
using CouponFunctions.Storage.Clients.Queues;
using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Clients;

/// <summary>Holds one pipeline per storage service of an account and hands out cheap per-table/queue/container clients.</summary>
public sealed class StorageClients
{
    private readonly Lazy<StorageService> _tables;
    private readonly Lazy<StorageService> _queues;
    private readonly Lazy<StorageService> _blobs;
    private readonly Lazy<TableServiceClient> _tableService;

    public StorageClients(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    public StorageClients(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        Options = options ?? new StorageClientOptions();
        _tables = new(() => StoragePipelineFactory.Create(connection, Options, StorageServiceKind.Table));
        _queues = new(() => StoragePipelineFactory.Create(connection, Options, StorageServiceKind.Queue));
        _blobs = new(() => StoragePipelineFactory.Create(connection, Options, StorageServiceKind.Blob));
        _tableService = new(() => new TableServiceClient(_tables.Value));
    }

    public StorageConnection Connection { get; }

    public StorageClientOptions Options { get; }

    /// <summary>Account-level table operations (create/delete tables, reachability probe).</summary>
    public TableServiceClient TableService => _tableService.Value;

    public TableClient GetTableClient(string tableName) => new(_tables.Value, tableName);

    public QueueClient GetQueueClient(string queueName) => new(_queues.Value, queueName);

    public BlobContainerClient GetBlobContainerClient(string containerName) => new(_blobs.Value, containerName);
}
