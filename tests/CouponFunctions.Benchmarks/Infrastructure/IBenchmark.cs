namespace CouponFunctions.Benchmarks.Infrastructure;

/// <summary>One end-to-end benchmark of the benchmark command (<c>-- &lt;name&gt;</c>). Register it in Program.cs.</summary>
internal interface IBenchmark
{
    /// <summary>The command-line name, lower case (<c>platforms</c>); also the results file name.</summary>
    string Name { get; }

    /// <summary>One line: what is measured and against which target.</summary>
    string Description { get; }

    Task<BenchmarkReport> RunAsync(BenchmarkContext context);
}

/// <summary>What a benchmark gets from the runner: where to print progress, and the run's cancellation.</summary>
internal sealed class BenchmarkContext(TextWriter output, TimeProvider time, CancellationToken cancellationToken)
{
    public TextWriter Output { get; } = output;

    public TimeProvider Time { get; } = time;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>A progress line, indented under the benchmark's header.</summary>
    public void Progress(string message) => Output.WriteLine($"  · {message}");
}
