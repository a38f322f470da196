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

    [Fact]
    public async Task EmailBatchWave_CrashAfterTheBatchCallBeforeTheOutcomes_RetriedUnderTheRecordedBatch_DeliveredOnce()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SendRecipients);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SendOutcomes);
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Outbox).CreateIfNotExistsAsync();
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Reports).CreateIfNotExistsAsync();
        var store = new SendRecipientStore(azurite.Tables, azurite.Blobs);
        var outbox = new OutboxCustomerEmailSink(azurite.Blobs, TimeProvider.System);
        var (tenant, send) = (TenantId.Parse(azurite.UniqueName("t")), SendId.New());
        var rows = Enumerable.Range(0, 250).Select(i => new SendRecipient(i, CustomerId.Parse($"c{i:D3}"), $"c{i:D3}@example.com", null)).ToList();
        await store.WriteRecipientsAsync(tenant, send, rows);

        // First try of wave [0, 250): marked, its batch recorded (recipient 7 failed a check and is not in it), the outbox took the
        // batch, then the process died before any outcome row was written.
        Assert.Empty((await store.MarkWaveAsync(tenant, send, ContactChannel.Email, 0, 250)).Taken);
        var first = new WaveBatch(ContactChannel.Email, 0, 250, $"{send.Value}-first", Now, [.. rows.Where(r => r.Index != 7).Select(r => r.Index)]);
        Assert.Same(first, await store.RecordBatchAsync(tenant, send, first));
        await outbox.SendBatchAsync(tenant, first.Id, [.. rows.Where(r => first.Holds(r.Index)).Select(r => Email(tenant, send, r))]);

        // The retry (a new batch id of its own) finds the range taken, no outcome rows, and the first batch holding all but 7.
        var marks = await store.MarkWaveAsync(tenant, send, ContactChannel.Email, 0, 250);
        var outcomes = await store.GetOutcomesAsync(tenant, send, ContactChannel.Email, rows.Select(r => r.CustomerId).ToList());
        var batches = await store.GetBatchesAsync(tenant, send, ContactChannel.Email, 0, 250);
        var stands = await store.RecordBatchAsync(tenant, send, first with { Id = $"{send.Value}-retry", At = Now.AddMinutes(1) });
        var again = await outbox.SendBatchAsync(tenant, stands.Id, [.. rows.Where(r => stands.Holds(r.Index)).Select(r => Email(tenant, send, r))]);

        Assert.True(Enumerable.Range(0, 250).All(marks.Contains));
        Assert.Empty(outcomes);
        var batch = Assert.Single(batches);
        Assert.Equal((first.Id, Now, 249), (batch.Id, batch.At, batch.Members.Count));
        Assert.False(batch.Holds(7));
        Assert.True(batch.Holds(249));
        Assert.Equal((first.Id, Now), (stands.Id, stands.At));
        Assert.All(again, a => Assert.Equal(SmsSendStatus.Sent, a.Status));
        // Later and other-channel ranges hold no batch; the outbox delivered each recipient once.
        Assert.Empty(await store.GetBatchesAsync(tenant, send, ContactChannel.Email, 250, 100));
        Assert.Empty(await store.GetBatchesAsync(tenant, send, ContactChannel.Sms, 0, 250));
        Assert.Single(await store.GetBatchesAsync(tenant, send, ContactChannel.Email, 249, 1));
        var sent = await outbox.ListAsync(tenant, 1000);
        Assert.Equal(249, sent.Count);
        Assert.All(sent.GroupBy(e => e.To), g => Assert.Single(g));
    }

    private static CustomerEmail Email(TenantId tenant, SendId send, SendRecipient row) => new(
        tenant, DeliveryKeys.Of(send, row.CustomerId, ContactChannel.Email), DeliveryKeys.EmailOperationId(send, row.CustomerId), row.Email!,
        "A coupon", "<p>SAVE10</p>", "SAVE10", new Dictionary<string, string>(), send.Value);

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
