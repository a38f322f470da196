using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>A provider quota for one channel: messages per minute, and per hour where the provider has an hourly limit too.</summary>
public sealed record ChannelQuota(int PerMinute, int? PerHour = null);

/// <summary>
/// Send pacing settings (section Sends:Pacing). Defaults are ACS's published limits for a custom email domain (30/min,
/// 100/hour; an Azure-managed domain allows 5/min, 10/hour) and an alphanumeric SMS sender (600/min per resource;
/// toll-free numbers allow 200/min). Raised limits (support ticket) go here.
/// </summary>
public sealed record SendPacingOptions
{
    public ChannelQuota Email { get; init; } = new(30, 100);

    public ChannelQuota Sms { get; init; } = new(600);

    /// <summary>Messages one activity call sends (one wave), unless the quota would then need more than
    /// <see cref="PacingPlan.MaxWavesPerMinute"/> waves a minute (the waves are larger then).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Most recipients one orchestration generation handles before ContinueAsNew, bounding its history.</summary>
    public int ChunkSize { get; init; } = 10_000;

    public ChannelQuota For(ContactChannel channel) => channel == ContactChannel.Email ? Email : Sms;

    /// <summary>Each bad setting with its reason (for the app's options validation at start-up).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, quota) in new[] { ("Email", Email), ("Sms", Sms) })
        {
            if (quota.PerMinute < 1) problems.Add($"Sends:Pacing:{name}:PerMinute must be at least 1.");
            if (quota.PerHour is < 1) problems.Add($"Sends:Pacing:{name}:PerHour must be at least 1 when set.");
        }

        if (BatchSize < 1) problems.Add("Sends:Pacing:BatchSize must be at least 1.");
        if (ChunkSize < BatchSize) problems.Add("Sends:Pacing:ChunkSize must be at least BatchSize.");
        return problems;
    }

    /// <summary>The wave plan of each channel.</summary>
    public IReadOnlyDictionary<ContactChannel, PacingPlan> Plans() => new Dictionary<ContactChannel, PacingPlan>
    {
        [ContactChannel.Email] = PacingPlan.Create(Email, BatchSize),
        [ContactChannel.Sms] = PacingPlan.Create(Sms, BatchSize),
    };
}

/// <summary>
/// Waves of one channel: <see cref="WaveSize"/> messages starting every <see cref="Interval"/>. The pair is chosen so that in
/// any minute (and any hour) no more waves start than fit the quota, even when waves start up to <see cref="Lateness"/> after
/// their slot (a durable timer fires a moment after its time: the engine polls its queues): with n waves per window of length
/// T, n × Interval ≥ T + Lateness, and <see cref="SendRunState.Apply"/> keeps a wave that started at most that late on the
/// slots (the next slot is one interval after the later of this slot and the real start less the lateness), so any n + 1
/// consecutive real starts are more than T apart and a half-open window holds at most n, with n × size ≤ quota. A wave still
/// running at a window's edge can put a few messages over; the provider then answers 429 and <see cref="SendRunState.Apply"/>
/// pushes the next wave by its Retry-After instead of failing anyone.
/// </summary>
public sealed record PacingPlan(int WaveSize, TimeSpan Interval)
{
    /// <summary>Most waves a minute (one every 3 s): a wave is a durable timer and an activity call, each a round of queue
    /// messages and history rows for the Durable engine, so at a high quota more waves would be paced by the engine rather
    /// than by the quota (20,000/min in waves of 100 would need one every 0.3 s); the waves grow instead.</summary>
    public const int MaxWavesPerMinute = 20;

    /// <summary>How late after its slot a wave may start without moving the slots after it (the interval is longer by a
    /// share of it: 20 waves a minute → 3.05 s instead of 3 s, where a push of each wave by the timer's own delay cost
    /// about 10 % of the rate).</summary>
    public static TimeSpan Lateness { get; } = TimeSpan.FromSeconds(1);

    public static PacingPlan Create(ChannelQuota quota, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quota.PerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (quota.PerHour is < 1) throw new ArgumentOutOfRangeException(nameof(quota), "The hourly quota must be at least 1.");

        var first = Math.Min(batchSize, Math.Min(quota.PerMinute, quota.PerHour ?? int.MaxValue));
        // Waves per minute (at most MaxWavesPerMinute), then the largest equal wave size that fits: 20,000/min in batches of
        // 100 → 20 waves of 1,000; 600/min → 6 waves of 100; 30/min in batches of 100 → 1 wave of 30.
        var perMinute = Math.Min((quota.PerMinute + first - 1) / first, MaxWavesPerMinute);
        var size = quota.PerMinute / perMinute;
        var interval = Slot(TimeSpan.FromMinutes(1), perMinute);
        if (quota.PerHour is { } hourly)
        {
            size = Math.Min(size, hourly);
            var perHour = hourly / size;
            var hourInterval = Slot(TimeSpan.FromHours(1), perHour);
            if (hourInterval > interval) interval = hourInterval;
        }

        return new PacingPlan(size, interval);
    }

    /// <summary>The interval of <paramref name="waves"/> waves per <paramref name="window"/>: (window + lateness) / waves, rounded up.</summary>
    public static TimeSpan Slot(TimeSpan window, int waves) => TimeSpan.FromTicks(((window + Lateness).Ticks + waves - 1) / waves);

    /// <summary>The waves for <paramref name="messages"/> messages when nothing is throttled: size and start after the first wave.</summary>
    public IEnumerable<(int Size, TimeSpan Offset)> Waves(int messages)
    {
        for (var (sent, i) = (0, 0); sent < messages; sent += WaveSize, i++)
            yield return (Math.Min(WaveSize, messages - sent), Interval * i);
    }

    /// <summary>Time from the first wave's start to the last one's for <paramref name="messages"/> messages.</summary>
    public TimeSpan Span(int messages) => messages <= 0 ? TimeSpan.Zero : Interval * ((messages + WaveSize - 1) / WaveSize - 1);
}
