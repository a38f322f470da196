using CouponFunctions.Benchmarks.Infrastructure;

namespace CouponFunctions.Benchmarks.Sends;

/// <summary>B10 (<c>sends-b10</c>): POST /api/customers/import of an N-row CSV on a fresh worker: rows per second until the job is
/// done, and the worker's peak working set.</summary>
internal sealed class ImportBenchmark : IBenchmark
{
    public string Name => "sends-b10";

    public string Description => "B10 a 1,000,000-row customer CSV import (rows/s, peak memory)";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var ct = context.CancellationToken;
        var setup = SendsSetup.FromEnvironment();
        var report = new BenchmarkReport(Name, Description);
        if (setup.ImportRows <= 0) return report.AddText("b10.skipped", "B10", "skipped (COUPONFUNCTIONS_B10_ROWS=0)");
        await using var bench = await SendsBench.StartAsync(context, setup);
        var tenant = await bench.TenantAsync("b10", 1, ct);
        await bench.App.StartAsync(ct);
        var (elapsed, job) = await bench.ImportAsync(context, tenant, setup.ImportRows, ct);
        var peak = WorkerMemory.PeakBytes(bench.App.Host.ProcessId) ?? 0;
        report.Add("b10.rows", "B10 rows imported", setup.ImportRows)
            .Add("b10.seconds", "B10 import, elapsed (upload to job done)", elapsed.TotalSeconds, "s", "0.0")
            .Add("b10.rate", "B10 import", setup.ImportRows / elapsed.TotalSeconds, "rows/s", "N0")
            .Add("b10.peak", "B10 worker peak working set", peak / 1024.0 / 1024.0, "MB", "0");
        report.Check("every imported row created", job["created"]!.GetValue<long>() == setup.ImportRows, $"{job["created"]} of {setup.ImportRows:N0}");
        report.AddText("sends.setup", "Setup", $"Azurite in memory, local Functions host + isolated worker, {Environment.ProcessorCount} cores");
        return report;
    }
}
