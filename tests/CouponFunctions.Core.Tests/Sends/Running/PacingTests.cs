using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Running;

public sealed class PacingTests
{
    [Fact]
    public void Create_TwentyThousandPerMinuteInBatchesOf1000_Is20WavesAMinute()
    {
        // 20 waves take 61 s (a minute and the lateness a wave may start after its slot).
        Assert.Equal(new PacingPlan(1000, TimeSpan.FromSeconds(3.05)), PacingPlan.Create(new ChannelQuota(20_000), 1000));
    }

    [Fact]
    public void Create_AcsCustomDomainDefaults_AreBoundByTheHour()
    {
        // 30/min and 100/hour: waves of 30, three an hour (90 ≤ 100), so one every 20 minutes (and a third of the lateness).
        Assert.Equal(new PacingPlan(30, TimeSpan.FromTicks(12_003_333_334)), PacingPlan.Create(new ChannelQuota(30, 100), 100));
    }

    [Fact]
    public void Create_QuotaNotAMultipleOfTheBatch_KeepsEveryMinuteWithinTheQuota()
    {
        var plan = PacingPlan.Create(new ChannelQuota(7), 3);

        Assert.Equal(new PacingPlan(2, TimeSpan.FromTicks(203_333_334)), plan);
    }

    [Theory]
    [InlineData(20_000, null, 1000)]
    [InlineData(30, 100, 100)]
    [InlineData(7, null, 3)]
    [InlineData(600, null, 100)]
    [InlineData(5, 10, 50)]
    [InlineData(1000, 45_000, 250)]
    public void Create_AnyQuota_NoMinuteOrHourWindowStartsMoreThanTheQuota(int perMinute, int? perHour, int batch)
    {
        var plan = PacingPlan.Create(new ChannelQuota(perMinute, perHour), batch);
        var starts = Enumerable.Range(0, 400).Select(i => TimeSpan.FromTicks(plan.Interval.Ticks * i)).ToList();

        Assert.InRange(plan.WaveSize, 1, batch);
        foreach (var (window, quota) in new[] { (TimeSpan.FromMinutes(1), perMinute), (TimeSpan.FromHours(1), perHour ?? int.MaxValue) })
            foreach (var from in starts)
                Assert.True(starts.Count(s => s >= from && s < from + window) * plan.WaveSize <= quota, $"{window} window from {from}");
    }

    [Fact]
    public void Span_100000MessagesAt20000PerMinute_IsUnderFiveMinutes()
    {
        var plan = PacingPlan.Create(new ChannelQuota(20_000), 1000);

        Assert.Equal(TimeSpan.FromSeconds(301.95), plan.Span(100_000));
    }

    [Fact]
    public void Waves_250MessagesInWavesOf100_AreThreeWavesWithTheirDelays()
    {
        var plan = new PacingPlan(100, TimeSpan.FromSeconds(10));

        Assert.Equal([(100, TimeSpan.Zero), (100, TimeSpan.FromSeconds(10)), (50, TimeSpan.FromSeconds(20))], plan.Waves(250));
        Assert.Empty(plan.Waves(0));
    }

    [Fact]
    public void Problems_DefaultOptions_HasNoneAndBadOnesAreNamed()
    {
        Assert.Empty(new SendPacingOptions().Problems());
        var bad = new SendPacingOptions { Email = new ChannelQuota(0, 0), BatchSize = 500, ChunkSize = 100 };

        Assert.Equal(
            ["Sends:Pacing:Email:PerMinute must be at least 1.", "Sends:Pacing:Email:PerHour must be at least 1 when set.", "Sends:Pacing:ChunkSize must be at least BatchSize."],
            bad.Problems());
    }

    [Fact]
    public void Create_HighQuota_AtMostTwentyWavesAMinuteOfLargerSize()
    {
        Assert.Equal(new PacingPlan(1_000, TimeSpan.FromSeconds(3.05)), PacingPlan.Create(new ChannelQuota(20_000, 1_200_000), 100));
        Assert.Equal(new PacingPlan(6, TimeSpan.FromSeconds(3.05)), PacingPlan.Create(new ChannelQuota(120), 2));
        Assert.Equal(new PacingPlan(100, TimeSpan.FromTicks(101_666_667)), PacingPlan.Create(new ChannelQuota(600), 100));
    }

    [Fact]
    public void Plans_DefaultOptions_FollowAcsPublishedLimits()
    {
        var plans = new SendPacingOptions().Plans();

        Assert.Equal(new PacingPlan(30, TimeSpan.FromTicks(12_003_333_334)), plans[ContactChannel.Email]);
        Assert.Equal(new PacingPlan(100, TimeSpan.FromTicks(101_666_667)), plans[ContactChannel.Sms]);
    }

    private static readonly Dictionary<ContactChannel, PacingPlan> Plans = new()
    {
        [ContactChannel.Email] = new PacingPlan(100, TimeSpan.FromSeconds(10)),
        [ContactChannel.Sms] = new PacingPlan(50, TimeSpan.FromSeconds(5)),
    };

    private static SendRunState Start(int total = 250, int chunk = 200) =>
        SendRunState.Start(SendId.Parse("send-1"), total, total * 2, 3, [ContactChannel.Email, ContactChannel.Sms], chunk, Now);

    [Fact]
    public void Start_CountsMessagesAndSnapshotFailures()
    {
        var state = Start();

        Assert.Equal(new SendCounts(503, 0, 3), state.Counts);
        Assert.Equal((0, 200), (state.ChunkStart, state.ChunkEnd));
    }

    [Fact]
    public void NextStep_BothChannelsDue_TakesEmailFirstThenSmsThenWhicheverIsDueFirst()
    {
        var state = Start();

        var email = state.NextStep(Plans)!;
        state = state.Apply(email, new WaveResult(100, 0), Now, Now, Plans);
        var sms = state.NextStep(Plans)!;
        state = state.Apply(sms, new WaveResult(50, 0), Now, Now, Plans);
        var nextSms = state.NextStep(Plans)!;

        Assert.Equal(new SendStep(ContactChannel.Email, 0, 100, Now), email);
        Assert.Equal(new SendStep(ContactChannel.Sms, 0, 50, Now), sms);
        Assert.Equal(new SendStep(ContactChannel.Sms, 50, 50, Now.AddSeconds(5)), nextSms);
        Assert.Equal(TimeSpan.FromSeconds(5), nextSms.DelayFrom(Now));
    }

    [Fact]
    public void Apply_Throttled_KeepsTheTailAndWaitsForRetryAfter()
    {
        var state = Start();
        var step = state.NextStep(Plans)!;

        state = state.Apply(step, new WaveResult(60, 0, Throttled: 40, RetryAfter: TimeSpan.FromSeconds(30)), Now, Now, Plans);
        var email = state.Channels.Single(c => c.Channel == ContactChannel.Email);

        Assert.Equal(60, email.NextIndex);
        Assert.Equal(Now.AddSeconds(30), email.NextWaveAt);
        Assert.Equal(60, state.Counts.Sent);
    }

    [Fact]
    public void Apply_RetryAfterShorterThanTheInterval_KeepsTheInterval()
    {
        var state = Start();
        var step = state.NextStep(Plans)!;

        state = state.Apply(step, new WaveResult(0, 0, Throttled: 100, RetryAfter: TimeSpan.FromSeconds(1)), Now, Now, Plans);

        Assert.Equal(Now.AddSeconds(10), state.Channels[0].NextWaveAt);
        Assert.Equal(0, state.Channels[0].NextIndex);
    }

    [Fact]
    public void Apply_WaveThatStartedLate_SpacesTheNextFromItsRealStartLessTheLateness()
    {
        var state = Start();
        var step = state.NextStep(Plans)!;

        state = state.Apply(step, new WaveResult(100, 0), startedAt: Now.AddSeconds(4), finishedAt: Now.AddSeconds(6), Plans);

        Assert.Equal(Now.AddSeconds(13), state.Channels[0].NextWaveAt);
    }

    [Fact]
    public void Apply_WaveThatStartedWithinTheLateness_KeepsTheNextOnItsSlot()
    {
        var state = Start();
        var step = state.NextStep(Plans)!;

        state = state.Apply(step, new WaveResult(100, 0), startedAt: Now.AddSeconds(0.9), finishedAt: Now.AddSeconds(9), Plans);

        Assert.Equal(Now.AddSeconds(10), state.Channels[0].NextWaveAt);
    }

    [Theory]
    [InlineData(20_000, null, 1000, 1)]
    [InlineData(20_000, null, 1000, 2)]
    [InlineData(600, null, 100, 3)]
    [InlineData(30, 100, 100, 4)]
    [InlineData(7, null, 3, 5)]
    public void Apply_WavesStartingLateOnTheirSlotsTwoAtATime_NoMinuteOrHourWindowStartsMoreThanTheQuota(int perMinute, int? perHour, int batch, int seed)
    {
        // The orchestration's planning: the next wave from the running ones assumed done, each started some time after its slot
        // (often within the lateness, sometimes well after it), results taken later. Every window from a real start is checked.
        var plans = new SendPacingOptions { Email = new ChannelQuota(perMinute, perHour), BatchSize = batch, ChunkSize = 1_000_000 }.Plans();
        var random = new Random(seed);
        var state = SendRunState.Start(SendId.Parse("send-1"), 400 * plans[ContactChannel.Email].WaveSize, 0, 0, [ContactChannel.Email], 1_000_000, Now);
        var starts = new List<DateTimeOffset>();
        var now = Now;
        while (state.NextStep(plans) is { } step)
        {
            var late = random.Next(4) == 0 ? plans[ContactChannel.Email].Interval * random.NextDouble() * 2 : PacingPlan.Lateness * random.NextDouble();
            now = (step.StartAt > now ? step.StartAt : now) + late;
            starts.Add(now);
            state = state.Assume(step, now, plans);
        }

        var plan = plans[ContactChannel.Email];
        foreach (var (window, quota) in new[] { (TimeSpan.FromMinutes(1), perMinute), (TimeSpan.FromHours(1), perHour ?? int.MaxValue) })
            foreach (var from in starts)
                Assert.True(starts.Count(s => s >= from && s < from + window) * plan.WaveSize <= quota, $"{window} window from {from - Now}");
    }

    [Fact]
    public void Apply_ThrottledAfterALongWave_CountsRetryAfterFromTheAnswer()
    {
        var state = Start();
        var step = state.NextStep(Plans)!;

        state = state.Apply(step, new WaveResult(10, 0, Throttled: 90, RetryAfter: TimeSpan.FromSeconds(20)), Now, Now.AddSeconds(15), Plans);

        Assert.Equal(Now.AddSeconds(35), state.Channels[0].NextWaveAt);
    }

    [Fact]
    public void RunToTheEnd_ChunkByChunk_SendsEveryIndexOnceAndBoundsEachGeneration()
    {
        var state = Start(total: 1050, chunk: 200);
        var now = Now;
        var seen = new Dictionary<ContactChannel, List<int>> { [ContactChannel.Email] = [], [ContactChannel.Sms] = [] };
        var generations = 0;
        while (true)
        {
            var steps = 0;
            while (state.NextStep(Plans) is { } step)
            {
                Assert.InRange(step.From, state.ChunkStart, state.ChunkEnd - step.Count);
                now = step.StartAt > now ? step.StartAt : now;
                seen[step.Channel].AddRange(Enumerable.Range(step.From, step.Count));
                state = state.Apply(step, new WaveResult(step.Count, 0), now, now, Plans);
                steps++;
            }

            Assert.True(steps <= 2 + 4, $"generation {generations} made {steps} calls"); // ≤ 200/100 email + 200/50 SMS
            generations++;
            if (state.IsComplete) break;
            state = state.NextChunk();
        }

        Assert.Equal(6, generations);
        Assert.Equal(Enumerable.Range(0, 1050), seen[ContactChannel.Email]);
        Assert.Equal(Enumerable.Range(0, 1050), seen[ContactChannel.Sms]);
        Assert.Equal(2100 + 3, state.Counts.Sent + state.Counts.Failed);
        Assert.Equal("2103/2103 messages (2100 sent, 3 failed)", state.Progress);
    }

    [Fact]
    public void NextChunk_ChunkNotDone_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Start().NextChunk());
    }
}
