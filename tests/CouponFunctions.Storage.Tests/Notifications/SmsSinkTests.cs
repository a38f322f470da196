using System.Security.Cryptography;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Notifications;
using CouponFunctions.Storage.Notifications.Acs;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Storage.Tests.Notifications.Acs;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class SmsSinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Outbox_SameKeyTwice_RecordsOnceAndAnswersTheFirstMessageId()
    {
        var outbox = await OutboxAsync();
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        var first = await outbox.SendAsync(Message(tenant, "send-1|c-1|sms", "+6591234567"));
        var second = await outbox.SendAsync(Message(tenant, "send-1|c-1|sms", "+6591234567") with { Text = "changed" });

        Assert.Equal(SmsSendStatus.Sent, second.Status);
        Assert.Equal(first.MessageId, second.MessageId);
        var recorded = Assert.Single(await outbox.ListAsync(tenant, 10));
        Assert.Equal("Coupon SAVE10", recorded.Text);
        Assert.Equal("outbox", recorded.Channel);
        Assert.Equal("+6591234567", (await outbox.GetAsync(tenant, "send-1|c-1|sms"))!.To);
    }

    [Fact]
    public async Task Outbox_SmsRecords_NotInTheEmailOutboxListing()
    {
        var sms = await OutboxAsync();
        var email = new OutboxNotificationSink(azurite.Blobs, TimeProvider.System);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        await sms.SendAsync(Message(tenant, "send-1|c-1|sms", "+6591234567"));

        Assert.Empty(await email.ListAsync(tenant, 10));
    }

    [Fact]
    public async Task Acs_SendTwice_OneDeliveryOneRecordSameMessageId()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        var outbox = await OutboxAsync();
        var sink = new AcsSmsSink(new AcsSmsClient(acs.ConnectionString()), "+18005550100", outbox);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        var first = await sink.SendAsync(Message(tenant, "send-1|c-1|sms", "+6591234567"));
        var second = await sink.SendAsync(Message(tenant, "send-1|c-1|sms", "+6591234567"));

        Assert.Equal(SmsSendStatus.Sent, first.Status);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(acs.Requests);
        Assert.Equal(1, acs.SmsDeliveries["+6591234567"]);
        Assert.Equal("acs-sms", Assert.Single(await outbox.ListAsync(tenant, 10)).Channel);
    }

    [Fact]
    public async Task Acs_RetryAfterLostAnswer_SameRepeatabilityNoSecondDelivery()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        var outbox = await OutboxAsync();
        var client = new AcsSmsClient(acs.ConnectionString());
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var message = Message(tenant, "send-1|c-2|sms", "+6591234568");
        // The first call reached ACS but its answer was lost: nothing was recorded on our side.
        await client.SendAsync(new SmsSendRequest("+18005550100", [new SmsRecipient(message.To, message.RepeatabilityRequestId, DateTimeOffset.Parse(message.RepeatabilityFirstSent, System.Globalization.CultureInfo.InvariantCulture))], message.Text));

        var retried = await new AcsSmsSink(client, "+18005550100", outbox).SendAsync(message);

        Assert.Equal(SmsSendStatus.Sent, retried.Status);
        Assert.Equal(1, acs.SmsDeliveries["+6591234568"]);
    }

    [Fact]
    public async Task Acs_Throttled_ReturnsThrottledWithRetryAfterAndRecordsNothing()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        acs.ThrottleNext = 1;
        acs.RetryAfterSeconds = 30;
        var outbox = await OutboxAsync();
        var sink = new AcsSmsSink(new AcsSmsClient(acs.ConnectionString()), "+18005550100", outbox);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        var result = await sink.SendAsync(Message(tenant, "send-1|c-1|sms", "+6591234567"));

        Assert.Equal(SmsSendStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Empty(await outbox.ListAsync(tenant, 10));
    }

    [Fact]
    public async Task Acs_RecipientRefused_RejectedWithAcsMessageAndRecordsNothing()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        acs.RejectNumbers["+6590000000"] = "Destination number is blocked.";
        var outbox = await OutboxAsync();
        var sink = new AcsSmsSink(new AcsSmsClient(acs.ConnectionString()), "+18005550100", outbox);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        var result = await sink.SendAsync(Message(tenant, "send-1|c-9|sms", "+6590000000"));

        Assert.Equal(SmsSendStatus.Rejected, result.Status);
        Assert.Equal("Destination number is blocked.", result.Error);
        Assert.Empty(await outbox.ListAsync(tenant, 10));
    }

    private async Task<OutboxSmsSink> OutboxAsync()
    {
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Outbox).CreateIfNotExistsAsync();
        return new OutboxSmsSink(azurite.Blobs, TimeProvider.System);
    }

    private static SmsMessage Message(TenantId tenant, string key, string to) =>
        new(tenant, key, to, "Coupon SAVE10", CouponFunctions.Core.Sends.Running.DeliveryKeys.SmsRepeatabilityRequestId(
            CouponFunctions.Core.Sends.SendId.Parse("send-1"), CouponFunctions.Core.Customers.CustomerId.Parse(key.Split('|')[1] + to[^2..])),
            "Sun, 06 Dec 2026 09:00:00 GMT");
}
