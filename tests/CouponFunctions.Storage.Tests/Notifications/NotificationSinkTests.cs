using System.Security.Cryptography;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Notifications;
using CouponFunctions.Storage.Notifications.Acs;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Storage.Tests.Notifications.Acs;
using CouponFunctions.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CouponFunctions.Storage.Tests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class NotificationSinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Outbox_SameKeyTwice_RecordsOnce()
    {
        var outbox = await OutboxAsync();
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var notification = Notification(tenant, "digest_20261121T0900");

        await outbox.SendAsync(notification);
        await outbox.SendAsync(notification with { Subject = "changed" });

        var sent = Assert.Single(await outbox.ListAsync(tenant, 10));
        Assert.Equal("Inspection digest", sent.Subject);
        Assert.Equal("outbox", sent.Channel);
        Assert.Equal("Three findings <b>new</b>", (await outbox.GetAsync(tenant, sent.Id))!.Html);
    }

    [Fact]
    public async Task AcsEmail_SendTwice_OneSignedRequestWithTheKeysOperationIdAndAnOutboxRecord()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var acs = await FakeAcsServer.StartAsync(key);
        var outbox = await OutboxAsync();
        var sink = new AcsEmailNotificationSink(new AcsEmailClient(acs.ConnectionString()), "alerts@example.net", outbox, NullLogger<AcsEmailNotificationSink>.Instance);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        await sink.SendAsync(Notification(tenant, "stockout_42"));
        await sink.SendAsync(Notification(tenant, "stockout_42"));

        var request = Assert.Single(acs.Requests);
        Assert.Equal(AcsEmailClient.CreateOperationId($"{tenant}/stockout_42").ToString(), request.Headers["Operation-Id"]);
        Assert.Contains("ops@example.com", request.Body, StringComparison.Ordinal);
        Assert.Equal("acs-email", Assert.Single(await outbox.ListAsync(tenant, 10)).Channel);
    }

    [Fact]
    public async Task AcsEmail_WrongKey_FailsLoudlyAndRecordsNothing()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        var outbox = await OutboxAsync();
        var sink = new AcsEmailNotificationSink(new AcsEmailClient(acs.ConnectionString(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))),
            "alerts@example.net", outbox, NullLogger<AcsEmailNotificationSink>.Instance);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => sink.SendAsync(Notification(tenant, "k1")));

        Assert.Empty(await outbox.ListAsync(tenant, 10));
    }

    private async Task<OutboxNotificationSink> OutboxAsync()
    {
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Outbox).CreateIfNotExistsAsync();
        return new OutboxNotificationSink(azurite.Blobs, TimeProvider.System);
    }

    private static Notification Notification(TenantId tenant, string key) =>
        new(tenant, key, "inspection.digest", ["ops@example.com"], "Inspection digest", "Three findings new", "Three findings <b>new</b>");
}
