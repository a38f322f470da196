namespace CouponFunctions.Sandbox.Common;

/// <summary>What a sandbox saw, for tests and benchmarks: calls, throttle answers, injected faults.</summary>
public sealed class SandboxStats
{
    private long _calls;
    private long _throttled;
    private long _faults;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls refused by the rate limit (injected throttle faults are counted under <see cref="Faults"/>).</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    public long Faults => Interlocked.Read(ref _faults);

    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _faults, 0);
    }

    internal void Call() => Interlocked.Increment(ref _calls);

    internal void Throttle() => Interlocked.Increment(ref _throttled);

    internal void Fault() => Interlocked.Increment(ref _faults);
}
