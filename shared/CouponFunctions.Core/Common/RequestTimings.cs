using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CouponFunctions.Core.Common;

/// <summary>
/// Named time spans of the request being served (the HTTP API's <c>Server-Timing</c> metrics): the worker's middleware
/// starts one per request, and code below it adds spans to <see cref="Current"/> through the async flow (none outside a
/// request, where measuring costs nothing). Spans of one name add up: concurrent storage calls can sum to more than the
/// request took; the count says how many there were.
/// </summary>
public sealed class RequestTimings
{
    private static readonly AsyncLocal<RequestTimings?> CurrentTimings = new();
    private readonly Lock _gate = new();
    private readonly List<(string Name, long Ticks, int Count)> _spans = [];

    /// <summary>The timings of the request this code runs for; null outside a request.</summary>
    public static RequestTimings? Current => CurrentTimings.Value;

    /// <summary>Starts the timings of a request on this async flow (and the flows it starts).</summary>
    public static RequestTimings Start() => CurrentTimings.Value = new RequestTimings();

    /// <summary>A span of <paramref name="name"/> from now until the returned value is disposed; nothing outside a request.</summary>
    public static Span Measure(string name) => new(Current, name, Stopwatch.GetTimestamp());

    /// <summary>Adds <paramref name="elapsed"/> (Stopwatch ticks) to the spans of <paramref name="name"/>, counting one more.</summary>
    public void Add(string name, long elapsed)
    {
        lock (_gate)
        {
            var index = _spans.FindIndex(s => s.Name == name);
            if (index < 0) _spans.Add((name, elapsed, 1));
            else _spans[index] = (name, _spans[index].Ticks + elapsed, _spans[index].Count + 1);
        }
    }

    /// <summary>The total milliseconds and count of a span name, or null when there was none.</summary>
    public (double Milliseconds, int Count)? Get(string name)
    {
        lock (_gate)
        {
            var index = _spans.FindIndex(s => s.Name == name);
            return index < 0 ? null : (_spans[index].Ticks * 1000.0 / Stopwatch.Frequency, _spans[index].Count);
        }
    }

    /// <summary>The spans as Server-Timing metrics (<c>name;dur=ms</c>, with <c>desc="N calls"</c> where there were several).</summary>
    public IReadOnlyList<string> ToMetrics()
    {
        lock (_gate)
        {
            return _spans.ConvertAll(s =>
            {
                var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{s.Name};dur={s.Ticks * 1000.0 / Stopwatch.Frequency:0.0}");
                if (s.Count > 1) text.Append(CultureInfo.InvariantCulture, $";desc=\"{s.Count} calls\"");
                return text.ToString();
            });
        }
    }

    /// <summary>One measured span: adds its time to the request's timings when disposed.</summary>
    public readonly struct Span(RequestTimings? timings, string name, long started) : IDisposable
    {
        public void Dispose() => timings?.Add(name, Stopwatch.GetTimestamp() - started);
    }
}
