using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends.Running;

namespace CouponFunctions.App.Tests.Sends;

/// <summary>
/// A send killed in the middle (host and worker at once, as a crash) and restarted: the orchestration resumes from its history,
/// retried waves find the Attempted / Sent rows written before each provider call, and every recipient is delivered exactly once.
/// The crash fixture paces email to 2 a second in waves of 2 with chunks of 10 (so ContinueAsNew happens too).
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
}
