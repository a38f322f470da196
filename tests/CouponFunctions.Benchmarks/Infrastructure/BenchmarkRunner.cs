using System.Diagnostics;

namespace CouponFunctions.Benchmarks.Infrastructure;

/// <summary>Picks the benchmarks named on the command line (or all), runs them one after another, prints and saves their figures.</summary>
internal static class BenchmarkRunner
{
    /// <summary>Where the JSON results go, relative to the working directory (git-ignored); <c>COUPONFUNCTIONS_BENCHMARK_RESULTS</c> overrides it.</summary>
    public const string ResultsDirectory = "benchmark-results";

    /// <param name="groups">Names that stand for several benchmarks (<c>sends</c> → <c>sends-b9</c>, <c>sends-b10</c>).</param>
    public static async Task<int> RunAsync(IReadOnlyList<IBenchmark> benchmarks, IReadOnlyDictionary<string, string[]> groups, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "-h" or "--help" or "help" or "--list"))
        {
            Usage(benchmarks, groups, output);
            return 0;
        }
        var names = args.Length == 0 || args.Contains("all", StringComparer.OrdinalIgnoreCase)
            ? benchmarks.Select(b => b.Name).ToList()
            : args.SelectMany(a => groups.TryGetValue(a.ToLowerInvariant(), out var members) ? members : [a]).ToList();
        var unknown = names.Where(n => !benchmarks.Any(b => string.Equals(b.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}.");
            Usage(benchmarks, groups, output);
            return 2;
        }

        var directory = Environment.GetEnvironmentVariable("COUPONFUNCTIONS_BENCHMARK_RESULTS") is { Length: > 0 } custom ? custom : ResultsDirectory;
        var time = TimeProvider.System;
        var failed = new List<string>();
        foreach (var benchmark in benchmarks.Where(b => names.Contains(b.Name, StringComparer.OrdinalIgnoreCase)))
        {
            output.WriteLine();
            output.WriteLine($"=== {benchmark.Name}: {benchmark.Description}");
            output.WriteLine();
            var startedAt = time.GetUtcNow();
            var clock = Stopwatch.StartNew();
            try
            {
                var report = await benchmark.RunAsync(new BenchmarkContext(output, time, cancellationToken)).ConfigureAwait(false);
                clock.Stop();
                output.WriteLine();
                report.Print(output);
                await report.WriteJsonAsync(directory, startedAt, clock.Elapsed, cancellationToken).ConfigureAwait(false);
                output.WriteLine();
                output.WriteLine($"  ({clock.Elapsed.TotalSeconds:0.0} s in all; figures in {Path.Combine(directory, benchmark.Name + ".json")})");
                if (!report.Correct) failed.Add(benchmark.Name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                output.WriteLine($"  FAILED: {ex}");
                failed.Add(benchmark.Name);
            }
        }
        if (failed.Count > 0) output.WriteLine($"{Environment.NewLine}Wrong or failed: {string.Join(", ", failed)}");
        return failed.Count == 0 ? 0 : 1;
    }

    private static void Usage(IReadOnlyList<IBenchmark> benchmarks, IReadOnlyDictionary<string, string[]> groups, TextWriter output)
    {
        output.WriteLine("Usage: dotnet run -c Release --project tests/CouponFunctions.Benchmarks -- [all | <name> ...]");
        foreach (var benchmark in benchmarks) output.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
        foreach (var (group, members) in groups) output.WriteLine($"  {group,-12} {string.Join(" then ", members)}");
    }
}
