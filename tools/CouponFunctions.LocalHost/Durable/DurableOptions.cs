using System.Globalization;
using CouponFunctions.LocalHost.Configuration;

namespace CouponFunctions.LocalHost.Durable;

/// <summary>host.json <c>extensions.durableTask</c> as far as the local host uses it, with the Durable extension's defaults.</summary>
internal sealed record DurableOptions(
    string HubName,
    string ConnectionName,
    int PartitionCount,
    int MaxConcurrentActivities,
    int MaxConcurrentOrchestrations,
    TimeSpan ControlQueueVisibilityTimeout,
    TimeSpan WorkItemQueueVisibilityTimeout,
    TimeSpan MaxQueuePollingInterval,
    int MaxGrpcMessageSizeInBytes,
    TimeSpan GrpcHttpClientTimeout)
{
    public static DurableOptions From(ScriptRoot root)
    {
        var section = root.HostJson.GetSection("extensions:durableTask");
        var storage = section.GetSection("storageProvider");
        var cores = Environment.ProcessorCount;
        return new DurableOptions(
            section["hubName"] is { Length: > 0 } hub ? root.Settings.Resolve(hub) : "TestHubName",
            storage["connectionName"] ?? storage["connectionStringName"] ?? "AzureWebJobsStorage",
            Int(storage["partitionCount"]) ?? 4,
            Int(section["maxConcurrentActivityFunctions"]) ?? 10 * cores,
            Int(section["maxConcurrentOrchestratorFunctions"]) ?? 10 * cores,
            ScriptRoot.TryTimeSpan(storage["controlQueueVisibilityTimeout"]) ?? TimeSpan.FromMinutes(5),
            ScriptRoot.TryTimeSpan(storage["workItemQueueVisibilityTimeout"]) ?? TimeSpan.FromMinutes(5),
            ScriptRoot.TryTimeSpan(storage["maxQueuePollingInterval"]) ?? TimeSpan.FromSeconds(30),
            Int(section["maxGrpcMessageSizeInBytes"]) ?? 4 * 1024 * 1024,
            ScriptRoot.TryTimeSpan(section["grpcHttpClientTimeout"]) ?? TimeSpan.FromSeconds(100));
    }

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
