using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Benchmarks.Durable;

/// <summary>
/// B6: one orchestration fanning out 1,000 activities and fanning in, through the local Functions host and the real
/// isolated worker of the host's test app (orchestrator and activities invoked over the worker protocol), beside the same
/// orchestration on DurableTask.Core directly (no worker) on the same Azurite with the same backend settings, in one run.
/// The ratio is what the host's bridge costs. Anchor: Durable Functions' published ~100 activities/s fan-out and ~150/s
/// fan-in for one orchestration on the Azure Storage backend (one small VM).
/// </summary>
internal sealed class DurableFanOutBenchmark : IBenchmark
{
    private const int MaxConcurrentActivities = 20;

    public string Name => "durable";

    public string Description =>
        "B6 fan-out/fan-in of 1,000 activities through the local host and the worker vs DurableTask.Core directly (target <= 1.2x the direct time)";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var activities = int.TryParse(Environment.GetEnvironmentVariable("COUPONFUNCTIONS_B6_ACTIVITIES"), out var n) && n > 0 ? n : 1000;
        var expectedSum = Enumerable.Range(0, activities).Sum(i => i * i);
        var ct = context.CancellationToken;
        var report = new BenchmarkReport(Name, Description);
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();

        context.Progress($"DurableTask.Core directly: {activities:N0} activities");
        var direct = await DirectFanOut.RunAsync(azurite.ConnectionString, azurite.UniqueName("b6direct"), activities, MaxConcurrentActivities, ct);

        context.Progress($"local host + worker: {activities:N0} activities");
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["TestStorage"] = azurite.ConnectionString,
            ["RecordTable"] = azurite.UniqueName("b6records"),
            ["AzureFunctionsWebHost__hostid"] = azurite.UniqueName("b6host"),
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = azurite.UniqueName("b6host"),
            ["AzureFunctionsJobHost__extensions__durableTask__maxConcurrentActivityFunctions"] = MaxConcurrentActivities.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The test app's host.json shortens these for its kill test; the benchmark uses the backend's defaults, as the direct run.
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = "00:05:00",
            ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:05:00",
        };
        var scriptRoot = BuildOutput.Find("CouponFunctions.LocalHost.TestApp", "worker.config.json");
        await using var host = await LocalFunctionHost.StartAsync(scriptRoot, settings, "benchmark-durable", cancellationToken: ct);
        var hub = DirectFanOut.CreateService(azurite.ConnectionString, settings["AzureFunctionsJobHost__extensions__durableTask__hubName"], MaxConcurrentActivities);
        await RunThroughHostAsync(host, hub, DirectFanOut.WarmUpActivities, ct);
        var (hostElapsed, hostSum) = await RunThroughHostAsync(host, hub, activities, ct);

        var directRate = activities / direct.Elapsed.TotalSeconds;
        var hostRate = activities / hostElapsed.TotalSeconds;
        var ratio = hostElapsed.TotalSeconds / direct.Elapsed.TotalSeconds;
        report.Add("b6.activities", "B6 activities per orchestration", activities)
            .Add("b6.direct.seconds", "B6 DurableTask.Core directly, elapsed", direct.Elapsed.TotalSeconds, "s", "0.00")
            .Add("b6.direct.rate", "B6 DurableTask.Core directly", directRate, "activities/s", "0.0")
            .Add("b6.host.seconds", "B6 local host + worker, elapsed", hostElapsed.TotalSeconds, "s", "0.00")
            .Add("b6.host.rate", "B6 local host + worker", hostRate, "activities/s", "0.0")
            .Add("b6.ratio", "B6 host time / direct time", ratio, "x", "0.00")
            .AddText("b6.anchor", "B6 anchor (Durable Functions, Azure Storage)", "~100 activities/s fan-out, ~150/s fan-in, one orchestration, one small VM")
            .AddText("b6.setup", "B6 setup", $"Azurite in memory, 1 partition, {MaxConcurrentActivities} concurrent activities, {Environment.ProcessorCount} cores, after a {DirectFanOut.WarmUpActivities}-activity warm-up on each path");
        report.Check("the direct orchestration summed every square", direct.Sum == expectedSum, $"{direct.Sum} (expected {expectedSum})");
        report.Check("the orchestration through the host summed every square", hostSum == expectedSum, $"{hostSum} (expected {expectedSum})");
        report.Expect("through the host within 1.2x the direct time", ratio <= 1.2, $"{ratio:0.00}x");
        return report;
    }

    /// <summary>Starts the orchestration through the app's HTTP starter (Durable client binding) and waits as the direct run does.</summary>
    private static async Task<(TimeSpan Elapsed, int Sum)> RunThroughHostAsync(
        LocalFunctionHost host, DurableTask.AzureStorage.AzureStorageOrchestrationService hub, int activities, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = await host.Client.PostAsJsonAsync(
            "api/orchestrations/fanout", new { count = activities, gateFrom = int.MaxValue, record = false, waitForApproval = false }, cancellationToken);
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
        var state = await DirectFanOut.WaitAsync(hub, id, cancellationToken);
        clock.Stop();
        if (state?.OrchestrationStatus != DurableTask.Core.OrchestrationStatus.Completed)
        {
            throw new InvalidOperationException($"The orchestration through the host ended {state?.OrchestrationStatus}. Host log: {host.LogPath}");
        }

        return (clock.Elapsed, JsonDocument.Parse(state.Output).RootElement.GetProperty("Sum").GetInt32());
    }
}
