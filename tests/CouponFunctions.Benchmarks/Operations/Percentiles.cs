namespace CouponFunctions.Benchmarks.Operations;

/// <summary>Nearest-rank percentiles of a set of durations, in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<TimeSpan> samples, double percentile)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
