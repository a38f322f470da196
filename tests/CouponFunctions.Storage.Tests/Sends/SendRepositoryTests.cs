using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Sends;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Sends;

[Collection(AzuriteCollection.Name)]
public sealed class SendRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly SegmentId Segment = SegmentId.Parse("seg-vip");

    [Fact]
    public async Task Create_RoundTripsEveryField()
    {
        var (sends, tenant) = await SetUpAsync();
        var send = Send(tenant) with { Campaign = "xmas", LandingUrl = new Uri("https://shop.example/deals") };

        var created = await sends.CreateAsync(send);
        var stored = await sends.GetAsync(tenant, send.Id);

        Assert.True(created.IsOk);
        Assert.Equal(created.Value!.Version, stored!.Version);
        Assert.Equal(send with { Version = stored.Version, Channels = stored.Channels }, stored);
        Assert.Equal([ContactChannel.Email, ContactChannel.Sms], stored.Channels);
        Assert.Equal(send.Id, (await sends.GetUnfinishedAsync(tenant, Segment))!.Id);
    }

    [Fact]
    public async Task Create_SecondSendForTheSegment_ConflictNamingTheFirst()
    {
        var (sends, tenant) = await SetUpAsync();
        var first = Send(tenant);
        await sends.CreateAsync(first);

        var second = await sends.CreateAsync(Send(tenant));

        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        Assert.Contains(first.Id.Value, second.Message, StringComparison.Ordinal);
        Assert.Single(await sends.ListAsync(tenant));
    }

    [Fact]
    public async Task Create_ManyConcurrentRequestsForOneSegment_ExactlyOneWins()
    {
        var (sends, tenant) = await SetUpAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sends.CreateAsync(Send(tenant))));

        Assert.Single(results, r => r.IsOk);
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(OutcomeKind.Conflict, r.Kind));
        Assert.Single(await sends.ListAsync(tenant, Segment));
    }

    [Fact]
    public async Task Cancel_ReleasesTheSegment_ForANewSend()
    {
        var (sends, tenant) = await SetUpAsync();
        var first = (await sends.CreateAsync(Send(tenant))).Value!;
        var cancelled = SendStateMachine.Cancel(first, Now, TimeZoneInfo.Utc).Value!;

        var written = await sends.UpdateAsync(cancelled);
        var next = await sends.CreateAsync(Send(tenant));

        Assert.True(written.IsOk);
        Assert.Equal(SendStatus.Cancelled, (await sends.GetAsync(tenant, first.Id))!.Status);
        Assert.True(next.IsOk);
        Assert.Equal(next.Value!.Id, (await sends.GetUnfinishedAsync(tenant, Segment))!.Id);
    }

    [Fact]
    public async Task Update_CancelRacingStart_OnlyOneTransitionIsWritten()
    {
        var (sends, tenant) = await SetUpAsync();
        var read = (await sends.CreateAsync(Send(tenant))).Value!;

        var started = await sends.UpdateAsync(SendStateMachine.Start(read, read.ScheduledAt).Value!);
        var cancelled = await sends.UpdateAsync(SendStateMachine.Cancel(read, Now, TimeZoneInfo.Utc).Value!);

        Assert.True(started.IsOk);
        Assert.Equal(OutcomeKind.Conflict, cancelled.Kind);
        Assert.Equal(SendStatus.Running, (await sends.GetAsync(tenant, read.Id))!.Status);
        Assert.Equal(OutcomeKind.Conflict, (await sends.CreateAsync(Send(tenant))).Kind);
    }

    [Fact]
    public async Task Complete_FinishedSend_ReleasesMarkerAndKeepsCounts()
    {
        var (sends, tenant) = await SetUpAsync();
        var read = (await sends.CreateAsync(Send(tenant))).Value!;
        var running = (await sends.UpdateAsync(SendStateMachine.Start(read, read.ScheduledAt).Value!)).Value!;

        var done = await sends.UpdateAsync(SendStateMachine.Complete(running, new SendCounts(10, 7, 3), read.ScheduledAt.AddMinutes(5)).Value!);

        Assert.Equal(SendStatus.Done, done.Value!.Status);
        Assert.Equal(new SendCounts(10, 7, 3), (await sends.GetAsync(tenant, read.Id))!.Counts);
        Assert.Null(await sends.GetUnfinishedAsync(tenant, Segment));
        Assert.True((await sends.CreateAsync(Send(tenant))).IsOk);
    }

    [Fact]
    public async Task Allocation_TwoWavesFromTheSameRead_SecondConflicts()
    {
        var (sends, tenant) = await SetUpAsync();
        var id = SendId.New();
        var created = await sends.SaveAllocationAsync(tenant, id, QuantityAllocation.Start(100), null);
        var (allocation, version) = (await sends.GetAllocationAsync(tenant, id))!.Value;

        var first = await sends.SaveAllocationAsync(tenant, id, allocation.Take(60).After, version);
        var second = await sends.SaveAllocationAsync(tenant, id, allocation.Take(60).After, version);

        Assert.True(created.IsOk);
        Assert.True(first.IsOk);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        Assert.Equal(40, (await sends.GetAllocationAsync(tenant, id))!.Value.Allocation.Left);
        Assert.Equal(OutcomeKind.Conflict, (await sends.SaveAllocationAsync(tenant, id, QuantityAllocation.Start(5), null)).Kind);
    }

    [Fact]
    public async Task ListDue_AcrossTenants_OnlyScheduledSendsWhoseTimeHasCome()
    {
        var (sends, tenant) = await SetUpAsync();
        var other = TenantId.Parse(azurite.UniqueName("t"));
        var due = (await sends.CreateAsync(Send(tenant))).Value!;
        var dueElsewhere = (await sends.CreateAsync(Send(other))).Value!;
        var later = (await sends.CreateAsync(Send(tenant) with { SegmentId = SegmentId.Parse("seg-later"), ScheduledAt = Now.AddDays(400) })).Value!;
        var cancelled = (await sends.CreateAsync(Send(tenant) with { SegmentId = SegmentId.Parse("seg-off") })).Value!;
        await sends.UpdateAsync(SendStateMachine.Cancel(cancelled, Now, TimeZoneInfo.Utc).Value!);

        var found = (await sends.ListDueAsync(Now.AddHours(3), 10_000)).Select(s => s.Id).ToHashSet();

        Assert.Contains(due.Id, found);
        Assert.Contains(dueElsewhere.Id, found);
        Assert.DoesNotContain(later.Id, found);
        Assert.DoesNotContain(cancelled.Id, found);
        Assert.Equal(tenant, (await sends.ListDueAsync(Now.AddHours(3), 10_000)).First(s => s.Id == due.Id).TenantId);
    }

    [Fact]
    public async Task ListDue_ReadsTheDueIndexOnly_ASendRowWithoutAnEntryIsNotRead()
    {
        var (sends, tenant) = await SetUpAsync();
        var indexed = (await sends.CreateAsync(Send(tenant))).Value!;
        // A Scheduled row written straight to the table (no entry): the timer's read does not scan the sends' rows.
        var unindexed = Send(tenant) with { SegmentId = SegmentId.Parse("seg-raw") };
        await azurite.Tables.GetTableClient(TableNames.Sends).AddEntityAsync(SendEntityMapper.ToEntity(unindexed));

        var found = (await sends.ListDueAsync(Now.AddHours(3), 10_000)).Select(s => s.Id).ToHashSet();

        Assert.Contains(indexed.Id, found);
        Assert.DoesNotContain(unindexed.Id, found);
    }

    [Fact]
    public async Task ListDue_SendMovedToAnotherTime_DueOnlyAtItsNewTime_OldEntryRemoved()
    {
        var (sends, tenant) = await SetUpAsync();
        var later = (await sends.CreateAsync(Send(tenant))).Value!;
        var earlier = (await sends.CreateAsync(Send(tenant) with { SegmentId = SegmentId.Parse("seg-early") })).Value!;
        Assert.True((await sends.UpdateAsync(later with { ScheduledAt = Now.AddHours(5) })).IsOk);
        Assert.True((await sends.UpdateAsync(earlier with { ScheduledAt = Now.AddHours(1) })).IsOk);

        var atOldTime = (await sends.ListDueAsync(Now.AddHours(3), 10_000)).Select(s => s.Id).ToHashSet();
        var atNewTime = (await sends.ListDueAsync(Now.AddHours(5), 10_000)).Select(s => s.Id).ToList();

        Assert.DoesNotContain(later.Id, atOldTime);
        Assert.Contains(earlier.Id, atOldTime);
        Assert.Single(atNewTime, id => id == later.Id);
        Assert.Equal(1, await EntriesAsync(tenant, later.Id));
    }

    [Fact]
    public async Task ListDue_TickBetweenTheMovedEntryAndTheRow_SendStillDueAtItsNewTime()
    {
        var (sends, tenant) = await SetUpAsync();
        var send = (await sends.CreateAsync(Send(tenant))).Value!;
        // The move's writes go through a client that runs a timer tick (another repository) just before the send row is written:
        // the tick finds the new entry while the row still has the old time.
        var tick = new TickBeforeRowWrite(() => sends.ListDueAsync(Now.AddMinutes(1), 10_000));
        var options = new Azure.Data.Tables.TableClientOptions();
        options.AddPolicy(tick, Azure.Core.HttpPipelinePosition.PerCall);
        var moving = new SendRepository(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString, options));

        Assert.True((await moving.UpdateAsync(send with { ScheduledAt = Now })).IsOk);
        var due = await sends.ListDueAsync(Now.AddMinutes(1), 10_000);

        Assert.Equal(1, tick.Ticks);
        Assert.Contains(due, s => s.Id == send.Id);
    }

    /// <summary>Runs <paramref name="tick"/> once, before the first transaction (the send row's write) goes out.</summary>
    private sealed class TickBeforeRowWrite(Func<Task> tick) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public int Ticks { get; private set; }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
        }

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (Ticks == 0 && message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
            {
                Ticks++;
                await tick();
            }

            await ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task ListDue_EntryWithoutItsSend_CrashBetweenEntryAndRow_NotListedAndRemoved()
    {
        var (sends, tenant) = await SetUpAsync();
        var ghost = Send(tenant);
        await new SendDueIndex(azurite.Tables.GetTableClient(TableNames.SendsDue)).AddAsync(ghost, CancellationToken.None);

        var found = await sends.ListDueAsync(Now.AddHours(3), 10_000);

        Assert.DoesNotContain(found, s => s.Id == ghost.Id);
        Assert.Equal(0, await EntriesAsync(tenant, ghost.Id));
    }

    [Fact]
    public async Task DueIndex_RefusedCreateCancelAndStart_EachRemovesTheEntry()
    {
        var (sends, tenant) = await SetUpAsync();
        var first = (await sends.CreateAsync(Send(tenant))).Value!;
        var refused = Send(tenant);
        Assert.Equal(OutcomeKind.Conflict, (await sends.CreateAsync(refused)).Kind);
        var cancelled = (await sends.CreateAsync(Send(tenant) with { SegmentId = SegmentId.Parse("seg-cancel") })).Value!;
        await sends.UpdateAsync(SendStateMachine.Cancel(cancelled, Now, TimeZoneInfo.Utc).Value!);
        Assert.Equal(1, await EntriesAsync(tenant, first.Id));

        await sends.RemoveDueAsync(first);
        await sends.RemoveDueAsync(first);

        Assert.Equal(0, await EntriesAsync(tenant, refused.Id));
        Assert.Equal(0, await EntriesAsync(tenant, cancelled.Id));
        Assert.Equal(0, await EntriesAsync(tenant, first.Id));
        Assert.DoesNotContain(await sends.ListDueAsync(Now.AddHours(3), 10_000), s => s.TenantId == tenant);
    }

    private async Task<int> EntriesAsync(TenantId tenant, SendId id)
    {
        var count = 0;
        await foreach (var e in azurite.Tables.GetTableClient(TableNames.SendsDue).QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"due"} and TenantId eq {tenant.Value} and SendId eq {id.Value}")))
            count++;
        return count;
    }

    internal static SegmentSend Send(TenantId tenant) => new()
    {
        TenantId = tenant,
        Id = SendId.New(),
        SegmentId = Segment,
        StoreId = StoreId.Parse("store-sg"),
        CouponId = "CP-123",
        Channels = [ContactChannel.Email, ContactChannel.Sms],
        ScheduledAt = Now.AddHours(3),
        Message = new SendMessage("Your coupon", "<p>Hi {{customer.name}}</p>", "Code {{coupon.code}}"),
        CreatedAt = Now,
    };

    private async Task<(SendRepository, TenantId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Sends);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SendsDue);
        return (new SendRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")));
    }
}
