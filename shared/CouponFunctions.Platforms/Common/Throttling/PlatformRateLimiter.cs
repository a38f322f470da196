namespace CouponFunctions.Platforms.Common.Throttling;

/// <summary>
/// The token buckets of one platform: one per app and one per shop. A call first waits for its shop's token, then takes
/// the app's token; each bucket hands out slots in arrival order (first come, first served).
/// </summary>
internal sealed class PlatformRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TokenBucket> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _shops = new(StringComparer.Ordinal);
    private readonly PlatformClientOptions _options;
    private readonly TimeProvider _time;
    private readonly long _origin;

    public PlatformRateLimiter(PlatformClientOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _origin = time.GetTimestamp();
    }

    /// <summary>Waits for a token of the shop's bucket, then of the app's bucket.</summary>
    /// <param name="shopKey">The shop (or seller) the call acts for; null for app-level calls such as token exchange.</param>
    public async ValueTask AcquireAsync(string appKey, string? shopKey, CancellationToken cancellationToken = default)
    {
        // Shop first, app second: the app token is taken only when the call can really go, so a shop with a long queue
        // never holds app slots that other shops could use. (Reserving both at one future instant would push the app
        // bucket's clock to that instant and stall every shop behind the slowest one.)
        if (shopKey is not null) await WaitAsync(ReserveShop(appKey, shopKey), cancellationToken).ConfigureAwait(false);
        await WaitAsync(ReserveApp(appKey), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the next slot of the app's bucket and returns how long to wait for it.</summary>
    internal TimeSpan ReserveApp(string appKey) => Reserve(_apps, appKey, _options.AppQps, _options.AppBurst);

    /// <summary>Takes the next slot of the shop's bucket and returns how long to wait for it.</summary>
    internal TimeSpan ReserveShop(string appKey, string shopKey) => Reserve(_shops, appKey + "/" + shopKey, _options.ShopQps, _options.ShopBurst);

    private TimeSpan Reserve(Dictionary<string, TokenBucket> buckets, string key, double rate, double burst)
    {
        lock (_gate)
        {
            var now = (double)_time.GetElapsedTime(_origin).Ticks;
            if (!buckets.TryGetValue(key, out var bucket))
            {
                bucket = new TokenBucket(rate, burst);
                buckets[key] = bucket;
            }
            var slot = bucket.EarliestSlot(now);
            bucket.Commit(slot);
            return TimeSpan.FromTicks((long)Math.Ceiling(slot - now));
        }
    }

    private async ValueTask WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        // A cancelled waiter keeps its reservation: the slot goes unused rather than letting a later caller jump the
        // queue, which keeps the configured rate an upper bound.
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        else cancellationToken.ThrowIfCancellationRequested();
    }
}
