using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends.Running;

namespace CouponFunctions.App.Tests.Sends;

/// <summary>
/// A send killed in the middle (host and worker at once, as a crash) and restarted: the orchestration resumes from its history,
/// retried waves find the Attempted / Sent rows written before each provider call, and every recipient is delivered exactly once.
/// The crash fixture paces email to 2 a second (waves of 6 every 3 s) with chunks of 10 (so ContinueAsNew happens too).
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class SendCrashTests(CrashFixture app)
{
    [Fact]
    public async Task RunSend_HostKilledInTheMiddle_EveryRecipientDeliveredExactlyOnce()
    {
        var bed = await SendBed.CreateAsync(app);
        var members = new List<CustomerId>();
        for (var i = 0; i < 30; i++) members.Add(await bed.CustomerAsync($"k{i:D2}", $"k{i:D2}@example.com", null));
        var segment = await bed.SegmentAsync([.. members]);
        var sendId = await bed.ScheduleAsync(segment, ["email"]);

        await bed.MoveScheduleAsync(sendId, TimeProvider.System.GetUtcNow().AddSeconds(-1));
        Assert.True(await Eventually.TrueAsync(async () => (await bed.EmailsAsync()).Count >= 4, seconds: 60), "The send did not start.");
        var beforeCrash = (await bed.EmailsAsync()).Count;
        await app.CrashAndRestartAsync();
        var send = await bed.WaitOverAsync(sendId, seconds: 120);

        Assert.InRange(beforeCrash, 4, 29);
        Assert.Equal("done", send["status"]!.GetValue<string>());
        Assert.Equal(30, send["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(0, send["counts"]!["failed"]!.GetValue<int>());
        var emails = await bed.EmailsAsync();
        Assert.Equal(30, emails.Count);
        Assert.All(emails.GroupBy(e => e.To), g => Assert.Single(g));
        Assert.All(await bed.OutcomesAsync(sendId), o => Assert.Equal(DeliveryState.Sent, o.State));
        Assert.Equal(30, (await bed.OutcomesAsync(sendId)).Count);
    }

    [Fact]
    public async Task RunSend_RuleSegmentChangesWhileRunning_OnlyTheSnapshotAtTheStartIsSentAcrossChunks()
    {
        var bed = await SendBed.CreateAsync(app);
        for (var i = 0; i < 14; i++) await bed.CustomerAsync($"r{i:D2}", $"r{i:D2}@example.com", null, tags: ["vip"]);
        await bed.CustomerAsync("other", "other@example.com", null, tags: ["new"]);
        var segment = await bed.RuleSegmentAsync("vip");
        var sendId = await bed.ScheduleAsync(segment, ["email"]);

        await bed.MoveScheduleAsync(sendId, TimeProvider.System.GetUtcNow().AddSeconds(-1));
        Assert.True(await Eventually.TrueAsync(async () => (await bed.EmailsAsync()).Count >= 2, seconds: 60), "The send did not start.");
        // While it runs (2 a second, chunks of 10): a new customer enters the rule, the last member leaves it, "other" is tagged in.
        await bed.CustomerAsync("r99", "r99@example.com", null, tags: ["vip"]);
        await bed.CustomerAsync("r13", "r13@example.com", null, tags: []);
        await bed.CustomerAsync("other", "other@example.com", null, tags: ["vip", "new"]);
        var send = await bed.WaitOverAsync(sendId, seconds: 120);

        Assert.InRange((await bed.EmailsAsync()).Count, 2, 14);
        Assert.Equal("done", send["status"]!.GetValue<string>());
        Assert.Equal(14, send["counts"]!["recipients"]!.GetValue<int>());
        Assert.Equal(14, send["counts"]!["sent"]!.GetValue<int>());
        var emails = (await bed.EmailsAsync()).Select(e => e.To).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 14).Select(i => $"r{i:D2}@example.com").ToArray(), emails);
    }
}
