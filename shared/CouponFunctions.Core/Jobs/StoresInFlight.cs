using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Jobs;

/// <summary>How many stores of a platform a deployment or bulk action works on at once: enough that their per-shop limits
/// together reach the platform's per-app limit, so the app limit (not our planning) is what paces the job. The connectors'
/// token buckets still pace every call, so more stores in flight never means a burst of calls into the platform.</summary>
public static class StoresInFlight
{
    /// <summary>Stores beyond <c>app / shop</c>: a store between two calls, or one finishing its batch while the others run,
    /// would otherwise leave part of the app limit unused.</summary>
    public const int Spare = 2;

    /// <summary><c>ceil(appQps / shopQps) + 2</c>, at most <paramref name="cap"/> and at least 1; <paramref name="cap"/> alone when
    /// the connector states no usable rate.</summary>
    public static int For(PlatformRate rate, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        return rate.ShopsToFillApp is { } fill ? Math.Min(fill + Spare, cap) : cap;
    }
}
