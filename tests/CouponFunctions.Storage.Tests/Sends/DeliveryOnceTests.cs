using System.Security.Cryptography;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Notifications;
using CouponFunctions.Storage.Notifications.Acs;
using CouponFunctions.Storage.Sends;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Storage.Tests.Notifications.Acs;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Sends;

/// <summary>
/// The wave activity's rule over the real stores and a fake ACS: the Attempted row is written before the call, a retry after
/// a crash finds it and repeats the call with the same repeatability values, and ACS delivers once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeliveryOnceTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SmsWave_CrashAfterTheCallBeforeTheOutcome_RetriedTwice_DeliveredOnce()
    {
        await using var acs = await FakeAcsServer.StartAsync(RandomNumberGenerator.GetBytes(32));
        var (store, sink, tenant) = await SetUpAsync(acs);
        var send = SendId.New();
        var customer = CustomerId.Parse("C-1");

        // First run: attempt recorded, ACS reached, then the process dies before anything else is written (not even the sink's log).
        Assert.True((await store.TryRecordAttemptAsync(tenant, RecipientOutcome.Attempt(send, customer, ContactChannel.Sms, "+6591234567", Now))).Recorded);
        await new AcsSmsClient(acs.ConnectionString()).SendAsync(new SmsSendRequest(
            "+18005550100", [new SmsRecipient("+6591234567", DeliveryKeys.SmsRepeatabilityRequestId(send, customer), Now)], "Your code SAVE10. Reply STOP to opt out"));

        // Second run, two minutes later: the row says Attempted, so the call is repeated with the first attempt's values.
        var second = await RunAsync(store, sink, tenant, send, customer, Now.AddMinutes(2));
        // Third run (the orchestration replays the activity once more): the row says Sent, nothing is called.
        var third = await RunAsync(store, sink, tenant, send, customer, Now.AddMinutes(3));

        Assert.Equal(DeliveryAction.Resend, second);
        Assert.Equal(DeliveryAction.Skip, third);
        Assert.Equal(2, acs.Requests.Count);
        Assert.Equal(1, acs.SmsDeliveries["+6591234567"]);
        var outcome = await store.GetOutcomeAsync(tenant, send, customer, ContactChannel.Sms);
        Assert.Equal(DeliveryState.Sent, outcome!.State);
        Assert.StartsWith("Outgoing_", outcome.ProviderMessageId, StringComparison.Ordinal);
        Assert.Equal(Now, outcome.FirstAttemptAt);
    }

    /// <summary>The wave activity's steps for one recipient, as the Sends README describes them.</summary>
    private static async Task<DeliveryAction> RunAsync(SendRecipientStore store, ISmsSink sink, TenantId tenant, SendId send, CustomerId customer, DateTimeOffset now)
    {
        var existing = await store.GetOutcomeAsync(tenant, send, customer, ContactChannel.Sms);
        var action = DeliveryDecision.Decide(existing, now);
        if (action == DeliveryAction.Skip) return action;
        var row = existing;
        if (action == DeliveryAction.SendFirst)
        {
            var recorded = await store.TryRecordAttemptAsync(tenant, RecipientOutcome.Attempt(send, customer, ContactChannel.Sms, "+6591234567", now));
            if (!recorded.Recorded) return DeliveryAction.Skip;
            row = recorded.Current;
        }

        var result = await sink.SendAsync(Message(tenant, send, customer, row!.FirstAttemptAt));
        await store.SaveOutcomeAsync(tenant, result.Status == SmsSendStatus.Sent
            ? row.AsSent(result.MessageId!)
            : row.AsFailed(FailureReason.ProviderRejected, result.Error));
        return action;
    }

    private static SmsMessage Message(TenantId tenant, SendId send, CustomerId customer, DateTimeOffset firstAttemptAt) => new(
        tenant,
        DeliveryKeys.Of(send, customer, ContactChannel.Sms),
        "+6591234567",
        "Your code SAVE10. Reply STOP to opt out",
        DeliveryKeys.SmsRepeatabilityRequestId(send, customer),
        DeliveryKeys.RepeatabilityFirstSent(firstAttemptAt));

    private async Task<(SendRecipientStore, AcsSmsSink, TenantId)> SetUpAsync(FakeAcsServer acs)
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SendOutcomes);
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Outbox).CreateIfNotExistsAsync();
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Reports).CreateIfNotExistsAsync();
        var outbox = new OutboxSmsSink(azurite.Blobs, TimeProvider.System);
        return (new SendRecipientStore(azurite.Tables, azurite.Blobs), new AcsSmsSink(new AcsSmsClient(acs.ConnectionString()), "+18005550100", outbox), TenantId.Parse(azurite.UniqueName("t")));
    }
}
