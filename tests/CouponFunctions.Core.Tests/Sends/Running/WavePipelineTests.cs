using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Running;

/// <summary>
/// The orchestration's wave bookkeeping against a simulated provider: a wave does its work when it starts (so the next one has
/// sent before the earlier one's result is taken), delivering to the indices of its range not yet final and counting every final
/// index before its cut, as the wave activity does with outcome rows.
/// </summary>
public sealed class WavePipelineTests
{
    private static readonly Dictionary<ContactChannel, PacingPlan> Plans = new()
    {
        [ContactChannel.Email] = new PacingPlan(100, TimeSpan.FromSeconds(3)),
        [ContactChannel.Sms] = new PacingPlan(50, TimeSpan.FromSeconds(3)),
    };

    [Fact]
    public void Take_ThrottledWhileTheNextWaveSent_SetsItAside_EveryMessageDeliveredOnceAndCountedOnce()
    {
        var world = new World { ThrottleOnce = (ContactChannel.Email, 240) };
        var pipeline = new WavePipeline(SendRunState.Start(SendId.Parse("send-1"), 1000, 1000, 0, [ContactChannel.Email], 10_000, Now), Plans, 2);

        var (aside, starts) = Run(pipeline, world);

        Assert.Equal(1, aside);
        Assert.All(world.Deliveries, d => Assert.Equal(1, d.Value));
        Assert.Equal(1000, world.Deliveries.Count);
        Assert.Equal(new SendCounts(1000, 1000, 0), pipeline.State.Counts);
        Assert.True(pipeline.State.IsComplete);
        // After the 429 (Retry-After 10 s, taken at the set-aside wave's start) the channel waited: no wave started in between.
        var throttledAt = starts.Single(s => s.Step.From == 200).At;
        Assert.DoesNotContain(starts, s => s.At > throttledAt + TimeSpan.FromSeconds(3) && s.At < throttledAt + TimeSpan.FromSeconds(13));
        Assert.Contains(starts, s => s.Step.From == 240);
    }

    [Fact]
    public void NextToStart_TwoChannels_TwoWavesOfOneChannelAtMostAndNeverBothChannelsAtOnce()
    {
        var world = new World();
        var pipeline = new WavePipeline(SendRunState.Start(SendId.Parse("send-1"), 300, 600, 0, [ContactChannel.Email, ContactChannel.Sms], 10_000, Now), Plans, 2);

        Run(pipeline, world);

        Assert.Equal(2, world.MostRunning);
        Assert.False(world.MixedChannels);
        Assert.Equal(600, world.Deliveries.Count);
        Assert.All(world.Deliveries, d => Assert.Equal(1, d.Value));
        Assert.Equal(new SendCounts(600, 600, 0), pipeline.State.Counts);
    }

    /// <summary>Drives the pipeline as the orchestration does; each result is taken when the next start must wait for it.</summary>
    private static (int Aside, List<(SendStep Step, DateTimeOffset At)> Starts) Run(WavePipeline pipeline, World world)
    {
        var now = Now;
        var results = new Queue<(SendStep Step, WaveResult Result)>();
        var starts = new List<(SendStep Step, DateTimeOffset At)>();
        var aside = 0;
        while (!pipeline.Done)
        {
            if (pipeline.NextToStart() is { } step)
            {
                now = step.StartAt > now ? step.StartAt : now;
                pipeline.Started(step, now);
                starts.Add((step, now));
                results.Enqueue((step, world.Run(step, results.Select(r => r.Step).ToList())));
                continue;
            }

            now += TimeSpan.FromSeconds(1);
            var set = pipeline.Take(results.Dequeue().Result, now);
            aside += set;
            for (; set > 0; set--) results.Dequeue();
        }

        return (aside, starts);
    }

    private sealed class World
    {
        private readonly HashSet<(ContactChannel, int)> _final = [];

        public Dictionary<(ContactChannel, int), int> Deliveries { get; } = [];

        /// <summary>The first wave of this channel reaching this index is throttled there (429, Retry-After 10 s).</summary>
        public (ContactChannel Channel, int At)? ThrottleOnce { get; set; }

        public int MostRunning { get; private set; }

        public bool MixedChannels { get; private set; }

        public WaveResult Run(SendStep step, List<SendStep> running)
        {
            MostRunning = Math.Max(MostRunning, running.Count + 1);
            MixedChannels |= running.Any(r => r.Channel != step.Channel);
            Assert.DoesNotContain(running, r => r.Channel == step.Channel && r.From < step.From + step.Count && step.From < r.From + r.Count);
            var (sent, cut) = (0, step.From + step.Count);
            if (ThrottleOnce is { } t && t.Channel == step.Channel && t.At >= step.From && t.At < cut)
            {
                cut = t.At;
                ThrottleOnce = null;
            }

            for (var i = step.From; i < cut; i++)
            {
                if (_final.Add((step.Channel, i))) Deliveries[(step.Channel, i)] = Deliveries.GetValueOrDefault((step.Channel, i)) + 1;
                sent++;
            }

            return cut < step.From + step.Count ? new WaveResult(sent, 0, step.From + step.Count - cut, TimeSpan.FromSeconds(10)) : new WaveResult(sent, 0);
        }
    }
}
