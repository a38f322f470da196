using System.Globalization;
using CouponFunctions.LocalHost.Configuration;

namespace CouponFunctions.LocalHost.Queues;

/// <summary>host.json <c>extensions.queues</c>, with Azure's defaults.</summary>
internal sealed record QueueOptions(int BatchSize, int NewBatchThreshold, TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout, int MaxDequeueCount)
{
    public static QueueOptions From(ScriptRoot root)
    {
        var section = root.HostJson.GetSection("extensions:queues");
        var batchSize = Math.Clamp(Int(section["batchSize"]) ?? 16, 1, 32);
        return new QueueOptions(
            batchSize,
            Int(section["newBatchThreshold"]) ?? batchSize / 2,
            ScriptRoot.TryTimeSpan(section["maxPollingInterval"]) ?? TimeSpan.FromMinutes(1),
            ScriptRoot.TryTimeSpan(section["visibilityTimeout"]) ?? TimeSpan.Zero,
            Int(section["maxDequeueCount"]) ?? 5);
    }

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
