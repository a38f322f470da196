using CouponFunctions.Core.Deployments;

namespace CouponFunctions.Core.Jobs;

/// <summary>How deployments and bulk actions run: the wave limits (<see cref="WaveLimits"/>) and the create guard's settle time.</summary>
public sealed class JobOptions
{
    public const string SectionName = "Jobs";

    public int MaxItemsPerBatch { get; set; } = WaveLimits.Default.MaxItemsPerBatch;

    public int MaxBatchesPerWave { get; set; } = WaveLimits.Default.MaxBatchesPerWave;

    /// <summary>Activity calls into one platform at once (the connectors' token buckets still pace each call).</summary>
    public int MaxConcurrentPerPlatform { get; set; } = WaveLimits.Default.MaxConcurrentPerPlatform;

    /// <summary>How long a platform may take to list a coupon it just created (see <see cref="AdoptOrCreate.DefaultSettleTime"/>).</summary>
    public TimeSpan CreateSettleTime { get; set; } = AdoptOrCreate.DefaultSettleTime;

    /// <summary>How long a canary deploy waits for the operator's approval before the other stores are cancelled.</summary>
    public TimeSpan CanaryTimeout { get; set; } = TimeSpan.FromHours(24);

    public WaveLimits Limits => new(MaxItemsPerBatch, MaxBatchesPerWave, MaxConcurrentPerPlatform);
}
