using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CouponFunctions.Testing;

namespace CouponFunctions.LocalHost.Tests;

/// <summary>The worker process: restarted when it dies, told to stop (WorkerTerminate) when the host is stopped.</summary>
[Collection(HostCollection.Name)]
public sealed partial class WorkerLifecycleTests(AzuriteFixture storage)
{
    [Fact]
    public async Task WorkerKilled_HostStartsANewOneAndServesAgain()
    {
        await using var app = await TestAppHost.StartAsync(storage, "worker-restart");
        var first = WorkerPids(app.Host.Output).Single();

        Process.GetProcessById(first).Kill();

        await app.WaitForAsync(() => Task.FromResult(WorkerPids(app.Host.Output).Count), c => c == 2, "a second worker");
        var response = await app.WaitForAsync(
            async () => (await app.Host.Client.GetAsync("api/items/1/x")).StatusCode,
            s => s == HttpStatusCode.OK,
            "the new worker to answer");
        Assert.Equal(HttpStatusCode.OK, response);
    }

    [Fact]
    public async Task Stop_SigTerm_SendsWorkerTerminateAndExitsCleanly()
    {
        var app = await TestAppHost.StartAsync(storage, "worker-stop");
        var worker = Process.GetProcessById(WorkerPids(app.Host.Output).Single());

        var stopped = await app.Host.StopAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopped, app.Host.Output);
        Assert.Equal(0, app.Host.ExitCode);
        Assert.Contains("Sent WorkerTerminate", app.Host.Output, StringComparison.Ordinal);
        Assert.True(worker.HasExited);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task CtrlC_ReachesWorkerAndHost_HostStopsWithoutRestartingTheWorker()
    {
        var app = await TestAppHost.StartAsync(storage, "worker-ctrl-c");
        var worker = WorkerPids(app.Host.Output).Single();

        // A terminal's Ctrl-C signals the whole foreground process group: the worker and the host at the same moment. The
        // host stops its listeners and Durable dispatchers before the worker, so the worker is usually gone first.
        using (var kill = Process.Start("kill", ["-INT", worker.ToString(CultureInfo.InvariantCulture), app.Host.ProcessId!.Value.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        var stopped = await app.Host.StopAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopped, app.Host.Output);
        Assert.Single(WorkerPids(app.Host.Output));
        Assert.DoesNotContain("restarting it", app.Host.Output, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    private static List<int> WorkerPids(string output)
        => StartedWorker().Matches(output).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"Started the worker \(pid (\d+)")]
    private static partial Regex StartedWorker();
}
