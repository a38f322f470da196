using CouponFunctions.Benchmarks.Infrastructure;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace CouponFunctions.Benchmarks.Platforms;

/// <summary>
/// Counts HTTP calls per store on the client side (retries included), for the per-shop part of the rate-limit bound,
/// and times each (request sent to response headers) per platform. The store is whatever <see cref="Current"/> holds
/// in the async flow that makes the call, so the connector's own parallel detail reads count for the store that started them.
/// </summary>
internal sealed class CallCounter
{
    private static readonly AsyncLocal<string?> CurrentStore = new();
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _latencies = new(StringComparer.Ordinal);

    /// <summary>Set at the start of a store's listing; flows into every call it makes.</summary>
    public static string? Current
    {
        get => CurrentStore.Value;
        set => CurrentStore.Value = value;
    }

    public long this[string store] => _calls.GetValueOrDefault(store);

    public long Total => _calls.Values.Sum();

    /// <summary>The <paramref name="percentile"/> (0–100) of the call times of a platform (its wire name), in milliseconds.</summary>
    public double LatencyMs(string platform, double percentile)
    {
        return _latencies.TryGetValue(platform, out var queue) ? Percentiles.Of(queue, percentile) : 0;
    }

    public void Reset()
    {
        _calls.Clear();
        _latencies.Clear();
    }

    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(CallCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter._calls.AddOrUpdate(Current ?? "(none)", 1, (_, n) => n + 1);
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // Sandbox paths are /sandbox/{platform}/...
            var platform = request.RequestUri?.Segments is { Length: > 2 } segments ? segments[2].TrimEnd('/') : "?";
            counter._latencies.GetOrAdd(platform, _ => new ConcurrentQueue<double>()).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
    }
}
