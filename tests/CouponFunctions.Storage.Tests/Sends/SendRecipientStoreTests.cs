using System.Net;
using System.Text;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Reports;
using CouponFunctions.Storage.Sends;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Sends;

[Collection(AzuriteCollection.Name)]
public sealed class SendRecipientStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Recipients_WrittenTwice_ReadByRangeInIndexOrder()
    {
        var (store, tenant, send) = await SetUpAsync();
        var rows = Enumerable.Range(0, 250).Select(i => new SendRecipient(i, CustomerId.Parse($"c{i}"), $"c{i}@example.com", i % 2 == 0 ? "+6591234567" : null)).ToList();

        await store.WriteRecipientsAsync(tenant, send, rows);
        await store.WriteRecipientsAsync(tenant, send, rows);
        var range = await store.ReadRecipientsAsync(tenant, send, 95, 10);

        Assert.Equal(Enumerable.Range(95, 10), range.Select(r => r.Index));
        Assert.Equal("c96", range[1].CustomerId.Value);
        Assert.Equal("+6591234567", range[1].To(ContactChannel.Sms));
        Assert.Null(range[0].To(ContactChannel.Sms));
        Assert.Equal(50, (await store.ReadRecipientsAsync(tenant, send, 200, 100)).Count);
    }

    [Fact]
    public async Task Recipients_WrittenInBatchesAcrossBlockEdgesAndAgain_ReadExactlyOnceEach()
    {
        var (store, tenant, send) = await SetUpAsync();
        var rows = Enumerable.Range(0, 2_500).Select(i => new SendRecipient(i, CustomerId.Parse($"c{i}"), $"c{i}@example.com", null)).ToList();

        foreach (var (skip, take) in new[] { (0, 700), (700, 600), (1_300, 1_200), (900, 200) })
            await store.WriteRecipientsAsync(tenant, send, rows.Skip(skip).Take(take));
        var across = await store.ReadRecipientsAsync(tenant, send, 950, 1_100);
        var tail = await store.ReadRecipientsAsync(tenant, send, 2_400, 1_000);

        Assert.Equal(Enumerable.Range(950, 1_100), across.Select(r => r.Index));
        Assert.Equal("c1999@example.com", across.Single(r => r.Index == 1_999).To(ContactChannel.Email));
        Assert.Equal(Enumerable.Range(2_400, 100), tail.Select(r => r.Index));
        Assert.Empty(await store.ReadRecipientsAsync(tenant, send, 3_000, 100));
    }

    [Fact]
    public async Task RecordAttempt_RetriedActivity_FindsTheAttemptAndDecidesResendNotSendFirst()
    {
        var (store, tenant, send) = await SetUpAsync();
        var customer = CustomerId.Parse("C-1");
        var attempt = RecipientOutcome.Attempt(send, customer, ContactChannel.Sms, "+6591234567", Now);

        var first = await store.TryRecordAttemptAsync(tenant, attempt);
        var retry = await store.TryRecordAttemptAsync(tenant, attempt with { FirstAttemptAt = Now.AddMinutes(3) });

        Assert.True(first.Recorded);
        Assert.False(retry.Recorded);
        Assert.Equal(Now, retry.Current.FirstAttemptAt);
        Assert.Equal(DeliveryAction.Resend, DeliveryDecision.Decide(retry.Current, Now.AddMinutes(3)));
    }

    [Fact]
    public async Task MarkWave_FreshRetriedAndAfterACut_AnswersOnlyWhatEarlierWavesTookUp()
    {
        var (store, tenant, send) = await SetUpAsync();
        await store.WriteRecipientsAsync(tenant, send, Enumerable.Range(0, 300).Select(i => new SendRecipient(i, CustomerId.Parse($"c{i}"), $"c{i}@example.com", null)));

        var first = await store.MarkWaveAsync(tenant, send, ContactChannel.Email, 0, 100);
        var retried = await store.MarkWaveAsync(tenant, send, ContactChannel.Email, 0, 100);
        var afterCut = await store.MarkWaveAsync(tenant, send, ContactChannel.Email, 40, 100);
        var next = await store.MarkWaveAsync(tenant, send, ContactChannel.Email, 140, 100);
        var otherChannel = await store.MarkWaveAsync(tenant, send, ContactChannel.Sms, 0, 30);
        var smsNext = await store.MarkWaveAsync(tenant, send, ContactChannel.Sms, 30, 30);

        Assert.Empty(first.Taken);
        Assert.Equal([(0, 100)], retried.Taken);
        Assert.Equal([(40, 100)], afterCut.Taken);
        Assert.Empty(next.Taken);
        Assert.Empty(otherChannel.Taken);
        Assert.Empty(smsNext.Taken);
        Assert.True(afterCut.Contains(99));
        Assert.False(afterCut.Contains(100));
        // The marks sort after the numbered rows: a range read of recipients never sees them.
        Assert.Equal(100, (await store.ReadRecipientsAsync(tenant, send, 200, 200)).Count);
    }

    [Fact]
    public async Task AddOutcomes_SomeRowsExist_WritesTheOthersInBatchesAndAnswersTheExistingUnchanged()
    {
        var (store, tenant, send) = await SetUpAsync();
        var rows = Enumerable.Range(0, 150).Select(i => RecipientOutcome.Attempt(send, CustomerId.Parse($"c{i:D3}"), ContactChannel.Email, $"c{i}@example.com", Now) with { Batch = "b1" }).ToList();
        await store.SaveOutcomesAsync(tenant, send, [rows[5].AsSent("m-5"), rows[120].AsFailed(FailureReason.ProviderRejected, "no")]);

        var found = await store.AddOutcomesAsync(tenant, send, rows);
        var again = await store.AddOutcomesAsync(tenant, send, rows);

        Assert.Equal(["c005", "c120"], found.Keys.Select(k => k.Value).Order(StringComparer.Ordinal));
        Assert.Equal(DeliveryState.Sent, found[CustomerId.Parse("c005")].State);
        Assert.Equal(150, again.Count);
        var counts = await store.CountOutcomesAsync(tenant, send);
        Assert.Equal((148, 1, 1), (counts.Attempted, counts.Sent, counts.Failed));
        Assert.Equal("b1", (await store.GetOutcomeAsync(tenant, send, CustomerId.Parse("c149"), ContactChannel.Email))!.Batch);
    }

    [Fact]
    public async Task SaveOutcome_SentAfterAttempt_SkipOnRetryAndCounted()
    {
        var (store, tenant, send) = await SetUpAsync();
        var customer = CustomerId.Parse("C-1");
        var attempt = RecipientOutcome.Attempt(send, customer, ContactChannel.Email, "a@example.com", Now);
        await store.TryRecordAttemptAsync(tenant, attempt);

        await store.SaveOutcomeAsync(tenant, attempt.AsSent("msg-1"));
        var retry = await store.TryRecordAttemptAsync(tenant, attempt);

        Assert.False(retry.Recorded);
        Assert.Equal("msg-1", retry.Current.ProviderMessageId);
        Assert.Equal(DeliveryAction.Skip, DeliveryDecision.Decide(retry.Current, Now));
        Assert.Equal(new OutcomeCounts(0, 1, 0), await store.CountOutcomesAsync(tenant, send));
    }

    [Fact]
    public async Task Outcomes_BatchWriteThenPageCountAndLookUp()
    {
        var (store, tenant, send) = await SetUpAsync();
        var failed = Enumerable.Range(0, 130).Select(i => RecipientOutcome.Skipped(send, CustomerId.Parse($"c{i:D3}"), ContactChannel.Email, null, FailureReason.NoContactOrOptedOut, Now, "no email"));
        await store.SaveOutcomesAsync(tenant, send, failed);
        await store.TryRecordAttemptAsync(tenant, RecipientOutcome.Attempt(send, CustomerId.Parse("c200"), ContactChannel.Sms, "+6591234567", Now));
        await store.SaveOutcomeAsync(tenant, RecipientOutcome.Attempt(send, CustomerId.Parse("c201"), ContactChannel.Sms, "+6591234568", Now).AsSent("m"));

        var counts = await store.CountOutcomesAsync(tenant, send);
        var unsent = await store.CountUnsentAsync(tenant, send);
        Assert.Equal(new OutcomeCounts(1, 0, 130), unsent);
        var pages = 0;
        var seen = 0;
        string? continuation = null;
        do
        {
            var page = await store.ListOutcomesAsync(tenant, send, DeliveryState.Failed, 50, continuation);
            seen += page.Items.Count;
            Assert.All(page.Items, o => Assert.Equal(DeliveryState.Failed, o.State));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);
        var found = await store.GetOutcomesAsync(tenant, send, ContactChannel.Email, [.. Enumerable.Range(120, 20).Select(i => CustomerId.Parse($"c{i:D3}"))]);

        Assert.Equal(new OutcomeCounts(1, 1, 130), counts);
        Assert.Equal(130, seen);
        Assert.Equal(3, pages);
        Assert.Equal(10, found.Count);
        Assert.Equal(FailureReason.NoContactOrOptedOut, found[CustomerId.Parse("c125")].Reason);
    }

    [Fact]
    public async Task FailureReport_WrittenAndLinked_DownloadsCsvWithBomAndFailedRowsOnly()
    {
        var (store, tenant, send) = await SetUpAsync();
        await store.SaveOutcomesAsync(tenant, send,
        [
            RecipientOutcome.Skipped(send, CustomerId.Parse("C-1"), ContactChannel.Email, "=cmd@example.com", FailureReason.ProviderRejected, Now, "Mailbox unavailable"),
            RecipientOutcome.Skipped(send, CustomerId.Parse("C-2"), ContactChannel.Sms, "+6591234567", FailureReason.InsufficientQuantity, Now),
        ]);
        await store.SaveOutcomeAsync(tenant, RecipientOutcome.Attempt(send, CustomerId.Parse("C-3"), ContactChannel.Email, "ok@example.com", Now).AsSent("m"));
        var reports = Reports(store, new ManualTimeProvider(TimeProvider.System.GetUtcNow()));

        var written = await reports.WriteAsync(tenant, send);
        var download = await reports.LinkAsync(tenant, send, TimeProvider.System.GetUtcNow().AddDays(-6));
        using var http = new HttpClient(new SocketsHttpHandler());
        var bytes = await http.GetByteArrayAsync(download.Link);

        Assert.Equal(2, written);
        Assert.Equal(ReportAccess.Available, download.Access);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Customer ID,Email,Mobile,Reason\r\n", text, StringComparison.Ordinal);
        Assert.Contains("C-1,'=cmd@example.com,,email: provider rejected (Mailbox unavailable)", text, StringComparison.Ordinal);
        Assert.Contains("C-2,,'+6591234567,sms: insufficient coupon quantity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("C-3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailureReport_SevenDaysAfterFinish_ExpiredWithoutLink()
    {
        var (store, tenant, send) = await SetUpAsync();
        var finishedAt = Now;
        var reports = Reports(store, new ManualTimeProvider(finishedAt + ReportValidity.Lifetime));

        var download = await reports.LinkAsync(tenant, send, finishedAt);

        Assert.Equal(ReportAccess.Expired, download.Access);
        Assert.Null(download.Link);
        Assert.Equal(finishedAt.AddDays(7), download.ExpiresAt);
    }

    [Fact]
    public async Task FailureReport_LinkEndsWithTheReport_NotSevenDaysFromNow()
    {
        var (store, tenant, send) = await SetUpAsync();
        var now = TimeProvider.System.GetUtcNow();
        await Reports(store, new ManualTimeProvider(now)).WriteAsync(tenant, send);

        var download = await Reports(store, new ManualTimeProvider(now)).LinkAsync(tenant, send, now.AddDays(-6));
        var expiry = DateTimeOffset.Parse(System.Web.HttpUtility.ParseQueryString(download.Link!.Query)["se"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(expiry, now.AddDays(1).AddMinutes(-1), now.AddDays(1).AddMinutes(1));
    }

    private SendFailureReports Reports(SendRecipientStore store, TimeProvider time) =>
        new(azurite.Blobs, store, new ReportLinks(azurite.Blobs, time), time);

    private async Task<(SendRecipientStore, TenantId, SendId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SendRecipients);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SendOutcomes);
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Reports).CreateIfNotExistsAsync();
        return (new SendRecipientStore(azurite.Tables, azurite.Blobs), TenantId.Parse(azurite.UniqueName("t")), SendId.New());
    }
}
