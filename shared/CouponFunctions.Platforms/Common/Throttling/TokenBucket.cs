namespace CouponFunctions.Platforms.Common.Throttling;

/// <summary>
/// A token bucket kept as a "theoretical arrival time" (the GCRA form): exact rate, a burst of <c>burst</c> tokens,
/// and reservations handed out in call order, so waiting callers are served first come, first served.
/// Not thread-safe: <see cref="PlatformRateLimiter"/> guards it.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _interval;
    private readonly double _tolerance;
    private double _theoreticalArrival;

    /// <param name="ratePerSecond">Tokens added per second (&gt; 0).</param>
    /// <param name="burst">Tokens that can be taken at once after an idle spell (≥ 1).</param>
    public TokenBucket(double ratePerSecond, double burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1d);
        RatePerSecond = ratePerSecond;
        Burst = burst;
        _interval = TimeSpan.TicksPerSecond / ratePerSecond;
        _tolerance = (burst - 1) * _interval;
        _theoreticalArrival = double.NegativeInfinity;
    }

    public double RatePerSecond { get; }

    public double Burst { get; }

    /// <summary>The earliest instant (in ticks of the limiter's clock) at or after <paramref name="now"/> when a token is free.</summary>
    public double EarliestSlot(double now) => Math.Max(now, _theoreticalArrival - _tolerance);

    /// <summary>Takes the token of a slot returned by <see cref="EarliestSlot"/> (or a later one).</summary>
    public void Commit(double slot) => _theoreticalArrival = Math.Max(_theoreticalArrival, slot) + _interval;
}
