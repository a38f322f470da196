using CouponFunctions.Benchmarks.Dashboard;
using CouponFunctions.Benchmarks.Deploy;
using CouponFunctions.Benchmarks.Durable;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Benchmarks.Operations;
using CouponFunctions.Benchmarks.Platforms;
using CouponFunctions.Benchmarks.Sends;

// The benchmark command: end-to-end figures (Stopwatch, not BenchmarkDotNet). Adding a benchmark is one line here.
// A group name runs its members in turn (each prints and saves its own figures).
IBenchmark[] benchmarks =
[
    new PlatformListingBenchmark(),
    new CouponOperationsBenchmark(),
    new DurableFanOutBenchmark(),
    new DashboardBenchmark(),
    new DeployBenchmark(),
    new SendBenchmark(),
    new ImportBenchmark(),
];

var groups = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["sends"] = ["sends-b9", "sends-b10"] };

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await BenchmarkRunner.RunAsync(benchmarks, groups, args, Console.Out, cancel.Token);
