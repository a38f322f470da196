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
public sealed class CustomerEmailSinkTests(AzuriteFixture azurite)
{
    private static readonly Guid OperationId = Guid.Parse("5f0a6a52-9d1e-5c2b-8a3e-0b1c2d3e4f50");

    [Fact]
    public async Task Outbox_SameKeyTwice_RecordsOnceAndAnswersTheFirstMessageId_NotInOperatorsOutbox()
    {
        var outbox = await OutboxAsync();
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        var first = await outbox.SendAsync(Email(tenant));
        var second = await outbox.SendAsync(Email(tenant) with { Subject = "changed" });

        Assert.Equal(SmsSendStatus.Sent, second.Status);
        Assert.Equal(first.MessageId, second.MessageId);
        var recorded = Assert.Single(await outbox.ListAsync(tenant, 10));
        Assert.Equal("Your coupon", recorded.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", recorded.Headers["List-Unsubscribe-Post"]);
        Assert.Empty(await new OutboxNotificationSink(azurite.Blobs, TimeProvider.System).ListAsync(tenant, 10));
    }

    [Fact]
    public async Task Outbox_BatchRepeated_RecordedOnceAsOneBlob_AnswersTheFirstMessageIds_Listed()
    {
        var outbox = await OutboxAsync();
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var emails = Enumerable.Range(0, 3).Select(i => Email(tenant) with { IdempotencyKey = $"send-1|c-{i}|email", OperationId = Guid.NewGuid(), To = $"c{i}@example.com" }).ToList();

        var first = await outbox.SendBatchAsync(tenant, "send-1-b1", emails);
        var repeat = await outbox.SendBatchAsync(tenant, "send-1-b1", [emails[1], emails[2] with { Subject = "changed" }]);
        var alone = await outbox.SendAsync(Email(tenant));

        Assert.All(first, o => Assert.Equal(SmsSendStatus.Sent, o.Status));
        Assert.Equal(first.Skip(1).Select(o => o.MessageId), repeat.Select(o => o.MessageId));
        var listed = await outbox.ListAsync(tenant, 10);
        Assert.Equal(4, listed.Count);
        Assert.Equal(["ann@example.com", "c0@example.com", "c1@example.com", "c2@example.com"], listed.Select(e => e.To).Order(StringComparer.Ordinal));
        Assert.All(listed, e => Assert.Equal("Your coupon", e.Subject));
        Assert.Equal(alone.MessageId, listed.Single(e => e.To == "ann@example.com").MessageId);
        var blobs = new List<string>();
        await foreach (var blob in azurite.Blobs.GetBlobContainerClient(ContainerNames.Outbox).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"_emails/{tenant.Value}/" })) blobs.Add(blob.Name);
        Assert.Single(blobs);
    }

    [Fact]
    public async Task Acs_SendTwice_OneRequestWithTheOperationIdAndHeaders()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        var sink = new AcsCustomerEmailSink(new AcsEmailClient(acs.ConnectionString()), "DoNotReply@shop.example", await OutboxAsync());
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        var first = await sink.SendAsync(Email(tenant));
        var second = await sink.SendAsync(Email(tenant));

        Assert.Equal(SmsSendStatus.Sent, first.Status);
        Assert.Equal(first.MessageId, second.MessageId);
        var request = Assert.Single(acs.Requests, r => r.Target.StartsWith("/emails:send", StringComparison.Ordinal));
        Assert.Equal(OperationId.ToString("D"), request.Headers["Operation-Id"]);
        Assert.Contains("List-Unsubscribe", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acs_429BeyondThePipelinesRetries_ThrottledWithRetryAfter_NothingRecorded()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        acs.ThrottleNext = 100;
        acs.RetryAfterSeconds = 1;
        var outbox = await OutboxAsync();
        var sink = new AcsCustomerEmailSink(new AcsEmailClient(acs.ConnectionString()), "DoNotReply@shop.example", outbox);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        var answer = await sink.SendAsync(Email(tenant));

        Assert.Equal(SmsSendStatus.Throttled, answer.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), answer.RetryAfter);
        Assert.Null(await outbox.GetAsync(tenant, "send-1|c-1|email"));
    }

    private async Task<OutboxCustomerEmailSink> OutboxAsync()
    {
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Outbox).CreateIfNotExistsAsync();
        return new OutboxCustomerEmailSink(azurite.Blobs, TimeProvider.System);
    }

    private static CustomerEmail Email(TenantId tenant) => new(tenant, "send-1|c-1|email", OperationId, "ann@example.com", "Your coupon",
        "<p>Hi</p>", "Hi", new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://x.example/api/unsubscribe?token=a>", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" }, "send-1");
}
