using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>How far one channel of a send has got: the next recipient index and when its next wave may start.</summary>
public sealed record ChannelProgress(ContactChannel Channel, int NextIndex, DateTimeOffset NextWaveAt);

/// <summary>One activity call: send <paramref name="Channel"/> messages to recipients [From, From + Count) at <paramref name="StartAt"/>.</summary>
public sealed record SendStep(ContactChannel Channel, int From, int Count, DateTimeOffset StartAt)
{
    /// <summary>The durable timer before the step (zero when it may start now).</summary>
    public TimeSpan DelayFrom(DateTimeOffset now) => StartAt > now ? StartAt - now : TimeSpan.Zero;
}

/// <summary>What a wave activity reports: messages sent and failed, and how many (the tail of the range) it did not attempt
/// because the provider answered 429, with the provider's Retry-After.</summary>
public sealed record WaveResult(int Sent, int Failed, int Throttled = 0, TimeSpan? RetryAfter = null);

/// <summary>
/// The whole state of a running send, small enough to be an orchestration's input: ids and counts, never recipients.
/// Recipients are rows numbered 0..Total-1 by the snapshot activity; a generation of the orchestration works through one
/// chunk [ChunkStart, ChunkEnd) in waves per channel, then continues as new with <see cref="NextChunk"/>. A generation's
/// history therefore holds at most ChunkSize / WaveSize calls per channel (plus 429 retries), whatever the send's size.
/// </summary>
public sealed record SendRunState(
    SendId SendId,
    int Total,
    int ChunkStart,
    int ChunkSize,
    IReadOnlyList<ChannelProgress> Channels,
    SendCounts Counts,
    int Generation)
{
    /// <param name="messages">Messages planned by the snapshot (de-duplicated), counted in <see cref="SendCounts.Recipients"/>.</param>
    /// <param name="snapshotFailures">Members the snapshot already failed (no contact for any chosen channel).</param>
    public static SendRunState Start(SendId sendId, int total, int messages, int snapshotFailures, IReadOnlyList<ContactChannel> channels, int chunkSize, DateTimeOffset now) =>
        new(sendId, total, 0, chunkSize, [.. channels.Select(c => new ChannelProgress(c, 0, now))], new SendCounts(messages + snapshotFailures, 0, snapshotFailures), 0);

    public int ChunkEnd => Math.Min(Total, ChunkStart + ChunkSize);

    public bool ChunkDone => Channels.All(c => c.NextIndex >= ChunkEnd);

    public bool IsComplete => ChunkDone && ChunkEnd >= Total;

    /// <summary>The next call: the channel whose next wave may start first (email before SMS on a tie); null when the chunk is done.</summary>
    public SendStep? NextStep(IReadOnlyDictionary<ContactChannel, PacingPlan> plans)
    {
        ChannelProgress? next = null;
        foreach (var channel in Channels)
            if (channel.NextIndex < ChunkEnd && (next is null || channel.NextWaveAt < next.NextWaveAt)) next = channel;
        if (next is null) return null;
        var count = Math.Min(plans[next.Channel].WaveSize, ChunkEnd - next.NextIndex);
        return new SendStep(next.Channel, next.NextIndex, count, next.NextWaveAt);
    }

    /// <summary>The state after a wave: its range done (less a throttled tail, retried after Retry-After), counts added, the
    /// channel's next wave one interval after this one's slot, or after its real start less <see cref="PacingPlan.Lateness"/>
    /// when it started later than that (see <see cref="PacingPlan"/>), or later when the provider asked to slow down.</summary>
    /// <param name="startedAt">The orchestration's time when it called the wave's activity (after any timer).</param>
    /// <param name="finishedAt">The orchestration's time when the activity answered (Retry-After counts from here).</param>
    public SendRunState Apply(SendStep step, WaveResult result, DateTimeOffset startedAt, DateTimeOffset finishedAt, IReadOnlyDictionary<ContactChannel, PacingPlan> plans)
    {
        var throttled = Math.Clamp(result.Throttled, 0, step.Count);
        var interval = plans[step.Channel].Interval;
        var late = startedAt - PacingPlan.Lateness;
        var nextAt = (late > step.StartAt ? late : step.StartAt) + interval;
        if (throttled > 0)
        {
            var pushed = finishedAt + (result.RetryAfter is { } retry && retry > TimeSpan.Zero ? retry : interval);
            if (pushed > nextAt) nextAt = pushed;
        }

        var channels = Channels.Select(c => c.Channel == step.Channel ? new ChannelProgress(c.Channel, step.From + step.Count - throttled, nextAt) : c).ToList();
        return this with { Channels = channels, Counts = Counts with { Sent = Counts.Sent + result.Sent, Failed = Counts.Failed + result.Failed } };
    }

    /// <summary>The plan as if <paramref name="step"/>, started at <paramref name="startedAt"/> and still running, had done its whole
    /// range: where the next wave goes while this one is in flight (its counts come with its result).</summary>
    public SendRunState Assume(SendStep step, DateTimeOffset startedAt, IReadOnlyDictionary<ContactChannel, PacingPlan> plans) =>
        Apply(step, new WaveResult(0, 0), startedAt, startedAt, plans);

    /// <summary>The input of the next generation (ContinueAsNew): the next chunk, each channel's pacing kept.</summary>
    public SendRunState NextChunk() => ChunkDone && !IsComplete
        ? this with { ChunkStart = ChunkEnd, Generation = Generation + 1 }
        : throw new InvalidOperationException("The chunk is not done, or the send is complete.");

    /// <summary>The orchestration's custom status while running.</summary>
    public string Progress => $"{Counts.Sent + Counts.Failed}/{Counts.Recipients} messages ({Counts.Sent} sent, {Counts.Failed} failed)";
}
