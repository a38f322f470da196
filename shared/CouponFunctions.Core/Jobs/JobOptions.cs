using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Jobs;

/// <summary>How deployments and bulk actions run: the wave limits (<see cref="WaveLimits"/>) and the create guard's settle time.</summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    public int MaxItemsPerBatch { get; set; } = WaveLimits.Default.MaxItemsPerBatch;

    public int MaxBatchesPerWave { get; set; } = WaveLimits.Default.MaxBatchesPerWave;

    /// <summary>The most stores of one platform a job works on at once. Each platform's own number is derived from its
    /// connector's rates (<see cref="StoresInFlight"/>: enough stores to reach the app limit) and kept at or below this; the
    /// connectors' token buckets still pace each call.</summary>
    public int MaxConcurrentPerPlatform { get; set; } = WaveLimits.Default.MaxConcurrentPerPlatform;

    /// <summary>How long a platform may take to list a coupon it just created (see <see cref="AdoptOrCreate.DefaultSettleTime"/>).</summary>
    public TimeSpan CreateSettleTime { get; set; } = AdoptOrCreate.DefaultSettleTime;

    /// <summary>How long a canary deploy waits for the operator's approval before the other stores are cancelled.</summary>
    public TimeSpan CanaryTimeout { get; set; } = TimeSpan.FromHours(24);

    public WaveLimits Limits => new(MaxItemsPerBatch, MaxBatchesPerWave, MaxConcurrentPerPlatform);

    /// <summary>The wave limits with each platform's stores in flight derived from <paramref name="rateOf"/> (its connector's rates).</summary>
    public WaveLimits LimitsFor(Func<Platform, PlatformRate> rateOf)
    {
        ArgumentNullException.ThrowIfNull(rateOf);
        return Limits with
        {
            PerPlatform = [.. Enum.GetValues<Platform>().Select(p => new PlatformConcurrency(p, StoresInFlight.For(rateOf(p), Math.Max(1, MaxConcurrentPerPlatform))))],
        };
    }
}
