using CouponFunctions.LocalHost.Configuration;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.LocalHost.Durable;

/// <summary>
/// The Durable Task Framework's Azure Storage backend for the app's task hub (host.json <c>hubName</c>, in the connection of
/// <c>storageProvider.connectionName</c>, <c>AzureWebJobsStorage</c> by default): one instance, created on first use, shared
/// by the dispatchers (<see cref="DurableWorker"/>) and the client endpoint (the sidecar's TaskHubGrpcServer).
/// </summary>
internal sealed class DurableEngine
{
    private readonly Lazy<AzureStorageOrchestrationService> _service;

    public DurableEngine(ScriptRoot root, ILoggerFactory loggerFactory)
    {
        Options = DurableOptions.From(root);
        _service = new Lazy<AzureStorageOrchestrationService>(() => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = Options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(root.Settings.StorageConnection(Options.ConnectionName)),
            PartitionCount = Options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = Options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = Options.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = Options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = Options.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = Options.MaxQueuePollingInterval,
            // Extended sessions hung under the out-of-process middleware in trials here: off, as is Azure's default.
            ExtendedSessionsEnabled = false,
            WorkerId = $"{Environment.MachineName}-{BlobHostId(root)}",
            LoggerFactory = loggerFactory,
        }));
    }

    public DurableOptions Options { get; }

    public AzureStorageOrchestrationService Service => _service.Value;

    private static string BlobHostId(ScriptRoot root) => Timers.BlobScheduleMonitor.HostId(root);
}
