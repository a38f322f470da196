namespace CouponFunctions.Platforms.Common;

/// <summary>Throttling, retry, timeout and circuit-breaker settings every connector shares (bound per platform from <c>Platforms:&lt;Name&gt;</c>).</summary>
public abstract class PlatformClientOptions
{
    /// <summary>Base address of the platform's API (the real host, or a sandbox's base URL locally).</summary>
    public Uri BaseUrl { get; set; } = new("https://invalid.example");

    /// <summary>Calls per second for the whole app (all shops together).</summary>
    public double AppQps { get; set; } = 10;

    /// <summary>Calls that may go at once after an idle spell, app-wide. Keep it below the platform's own burst so
    /// network jitter cannot push a client running at the limit over it.</summary>
    public double AppBurst { get; set; } = 1;

    /// <summary>Calls per second for one shop (seller).</summary>
    public double ShopQps { get; set; } = 2;

    public double ShopBurst { get; set; } = 1;

    /// <summary>Retries after the first attempt, for throttling and transient faults (0 = no retry).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait before a retry; a <c>Retry-After</c> longer than this is not waited for (the call fails as throttled).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit of one HTTP attempt, from sending to the whole answer read.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failing calls (5xx, timeouts, malformed answers) in the sampling window that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the sampling window before the circuit can open (≥ 2).</summary>
    public int CircuitMinimumThroughput { get; set; } = 20;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open (calls fail fast) before one trial call is let through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public virtual void Validate()
    {
        Require(BaseUrl.IsAbsoluteUri, nameof(BaseUrl), "must be an absolute URL");
        Require(AppQps > 0, nameof(AppQps), "must be positive");
        Require(ShopQps > 0, nameof(ShopQps), "must be positive");
        Require(AppBurst >= 1, nameof(AppBurst), "must be at least 1");
        Require(ShopBurst >= 1, nameof(ShopBurst), "must be at least 1");
        Require(MaxRetries >= 0, nameof(MaxRetries), "must not be negative");
        Require(RetryBaseDelay > TimeSpan.Zero, nameof(RetryBaseDelay), "must be positive");
        Require(MaxRetryDelay >= RetryBaseDelay, nameof(MaxRetryDelay), "must be at least RetryBaseDelay");
        Require(Timeout > TimeSpan.Zero, nameof(Timeout), "must be positive");
        Require(CircuitFailureRatio is > 0 and <= 1, nameof(CircuitFailureRatio), "must be in (0, 1]");
        Require(CircuitMinimumThroughput >= 2, nameof(CircuitMinimumThroughput), "must be at least 2");
        Require(CircuitSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(CircuitSamplingDuration), "must be at least 500 ms");
        Require(CircuitBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(CircuitBreakDuration), "must be at least 500 ms");
    }

    protected void Require(bool condition, string setting, string rule)
    {
        if (!condition) throw new InvalidOperationException($"{GetType().Name}.{setting} {rule}.");
    }
}
