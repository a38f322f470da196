namespace CouponFunctions.Sandbox.Common;

/// <summary>
/// The platform side of rate limiting: a token bucket per app and per shop that refuses (never queues) a call without a
/// token. Independent of the connectors' limiter on purpose. The burst is one second of rate, which is realistic.
/// Rates of 0 mean "no limit" (the default).
/// </summary>
public sealed class SandboxThrottle
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _physical;

    public SandboxThrottle(TimeProvider? physical = null) => _physical = physical ?? TimeProvider.System;

    public double AppQps { get; private set; }

    public double ShopQps { get; private set; }

    public double BurstSeconds { get; private set; } = 1;

    public void Configure(double appQps, double shopQps, double burstSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(appQps);
        ArgumentOutOfRangeException.ThrowIfNegative(shopQps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burstSeconds);
        lock (_gate)
        {
            (AppQps, ShopQps, BurstSeconds) = (appQps, shopQps, burstSeconds);
            _buckets.Clear();
        }
    }

    /// <summary>Takes a token from the app's and the shop's bucket, or from neither.</summary>
    public bool TryAcquire(string app, string? shop)
    {
        lock (_gate)
        {
            var now = _physical.GetTimestamp();
            var appBucket = AppQps > 0 ? Get("app:" + app, AppQps, now) : null;
            var shopBucket = ShopQps > 0 && shop is not null ? Get($"shop:{app}/{shop}", ShopQps, now) : null;
            if (appBucket is { Tokens: < 1 } || shopBucket is { Tokens: < 1 }) return false;
            if (appBucket is not null) appBucket.Tokens -= 1;
            if (shopBucket is not null) shopBucket.Tokens -= 1;
            return true;
        }
    }

    private Bucket Get(string key, double rate, long now)
    {
        var capacity = Math.Max(1, rate * BurstSeconds);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket { Tokens = capacity, Stamp = now };
            _buckets[key] = bucket;
        }
        var elapsed = _physical.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
        bucket.Tokens = Math.Min(capacity, bucket.Tokens + elapsed * rate);
        bucket.Stamp = now;
        return bucket;
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long Stamp { get; set; }
    }
}
