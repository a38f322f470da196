using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CouponFunctions.App.Health;

/// <summary>The outcome of <see cref="ProbeStorageActivity"/>: small, as orchestration history keeps it.</summary>
internal sealed record StorageProbeResult(bool Healthy, IReadOnlyList<string> Failed);

/// <summary>Proves Durable Functions end to end: one activity that checks storage, its result as the output.</summary>
internal static class ProbeStorageOrchestration
{
    [Function(nameof(ProbeStorageOrchestration))]
    public static Task<StorageProbeResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<StorageProbeResult>(nameof(ProbeStorageActivity));
}

/// <summary>The probe's one activity: the same storage checks as GET /api/health.</summary>
internal sealed class ProbeStorageActivity(StorageProbe probe)
{
    [Function(nameof(ProbeStorageActivity))]
    public async Task<StorageProbeResult> RunAsync([ActivityTrigger] string? input, CancellationToken cancellationToken)
    {
        var checks = await probe.RunAsync(cancellationToken);
        var failed = checks.Where(c => c.Value.Status != "ok").Select(c => c.Key).ToList();
        return new StorageProbeResult(failed.Count == 0, failed);
    }
}
