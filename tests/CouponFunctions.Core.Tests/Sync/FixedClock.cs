namespace CouponFunctions.Core.Tests.Sync;

/// <summary>A clock stopped at one instant (Core tests stay free of the storage-bound test helpers).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
