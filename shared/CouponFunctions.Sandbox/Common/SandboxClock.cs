namespace CouponFunctions.Sandbox.Common;

/// <summary>
/// The sandboxes' business clock: real time plus an offset a test can move forward, so vouchers start and end and tokens
/// expire without waiting. Timers and timestamps stay physical (throttling and latency run on real time).
/// Give the same instance to the connector under test so both sides agree on "now".
/// </summary>
public sealed class SandboxClock(TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
