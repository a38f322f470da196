using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.App.Tests.Sends;

/// <summary>
/// The snapshot activity's work (<see cref="SendRunner.BeginAsync"/>) run in this process over the app's storage, as the
/// activity runs it, twice: the second call is the retry after a lost reply or a crash after the snapshot.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SendSnapshotTests(AppHostFixture app)
{
    [Fact]
    public async Task BeginSend_RetriedAfterTheRuleSegmentChanged_AnswersTheFirstSnapshot()
    {
        var bed = await SendBed.CreateAsync(app);
        await bed.CustomerAsync("v1", "v1@example.com", null, tags: ["vip"]);
        await bed.CustomerAsync("v2", "v2@example.com", "+6591234581", tags: ["vip"]);
        await bed.CustomerAsync("v3", null, null, tags: ["vip"]);
        var segment = await bed.RuleSegmentAsync("vip");
        // Scheduled hours ahead: the host's timer leaves it alone; this test plays the activity with a clock past that hour.
        var sendId = SendId.Parse(await bed.ScheduleAsync(segment));
        var runner = ActivatorUtilities.CreateInstance<SendRunner>(app.Services,
            (TimeProvider)new Testing.ManualTimeProvider(TimeProvider.System.GetUtcNow().AddHours(5)),
            new SendSettings(new Uri("https://coupons.example.net/"), new Uri(AppFixture.AdminPublicUrl), Core.Sends.Messages.SmsSenderKind.PhoneNumber),
            new Core.Sends.Messages.UnsubscribeTokens(app.Services.GetRequiredService<Core.Security.ISecretProtector>()));
        var run = new SendRef(bed.Workspace.Tenant, sendId);

        var first = await runner.BeginAsync(run, 10);
        await bed.CustomerAsync("v4", "v4@example.com", null, tags: ["vip"]);
        await bed.CustomerAsync("v1", "v1@example.com", null, tags: []);
        var retried = await runner.BeginAsync(run, 10);

        Assert.NotNull(first);
        Assert.NotNull(retried);
        Assert.Equal((first.Total, first.Counts), (retried.Total, retried.Counts));
        Assert.Equal(first.Channels, retried.Channels);
        Assert.Equal(2, first.Total);
        Assert.Equal(new SendCounts(4, 0, 1), first.Counts);
        var rows = await app.Services.GetRequiredService<ISendRecipientStore>().ReadRecipientsAsync(run.TenantId, sendId, 0, 100);
        Assert.Equal(["v1", "v2"], rows.Select(r => r.CustomerId.Value).Order().ToArray());
        Assert.Equal("running", (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/sends/{sendId}")).Body!["status"]!.GetValue<string>());
    }
}
