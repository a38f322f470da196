namespace CouponFunctions.Benchmarks.Infrastructure;

/// <summary>Nearest-rank percentiles (0–100) of a set of samples.</summary>
internal static class Percentiles
{
    public static double Of(IEnumerable<double> samples, double percentile)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The percentile of durations, in milliseconds.</summary>
    public static double Of(IEnumerable<TimeSpan> samples, double percentile) => Of(samples.Select(s => s.TotalMilliseconds), percentile);
}
