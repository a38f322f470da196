using System.Globalization;

namespace CouponFunctions.Benchmarks.Operations;

/// <summary>
/// Reads a response's <c>Server-Timing</c> metrics (<c>name;dur=ms;desc="N calls"</c>, comma-separated, in one header or
/// several): each name's duration and its count (1 when the worker did not say).
/// </summary>
internal static class ServerTimingMetrics
{
    public static Dictionary<string, (TimeSpan Duration, int Count)> Of(HttpResponseMessage response)
    {
        var metrics = new Dictionary<string, (TimeSpan, int)>(StringComparer.Ordinal);
        if (!response.Headers.TryGetValues("Server-Timing", out var values)) return metrics;
        foreach (var metric in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = metric.Split(';', StringSplitOptions.TrimEntries);
            double? ms = null;
            var count = 1;
            foreach (var part in parts.Skip(1))
            {
                if (part.StartsWith("dur=", StringComparison.Ordinal) && double.TryParse(part[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) ms = d;
                else if (part.StartsWith("desc=", StringComparison.Ordinal) && int.TryParse(part[5..].Trim('"').Split(' ')[0], CultureInfo.InvariantCulture, out var c)) count = c;
            }
            if (ms is { } value) metrics[parts[0]] = (TimeSpan.FromMilliseconds(value), count);
        }
        return metrics;
    }
}
