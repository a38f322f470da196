using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Jobs;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;
using static CouponFunctions.Storage.Tests.Jobs.JobTestData;

namespace CouponFunctions.Storage.Tests.Jobs;

[Collection(AzuriteCollection.Name)]
public sealed class JobRepositoryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Create_RunTwiceAfterProgress_KeepsTheFirstJobAndItsItems()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        var items = Items(job.Id, 3, 2);
        var created = await repository.CreateAsync(job, items);
        var first = (await repository.GetItemAsync(tenant, job.Id, items[0].Key))!;
        await repository.UpdateItemsAsync(tenant, [first with { State = JobItemState.Started, StartedAt = Now }]);

        var again = await repository.CreateAsync(job with { Title = "A retried start" }, items);

        Assert.Equal(new JobCounts(6, 6, 0, 0, 0, 0, 0), created.Counts);
        Assert.Equal(created, again);
        Assert.Equal(JobItemState.Started, (await repository.GetItemAsync(tenant, job.Id, items[0].Key))!.State);
        Assert.Equal(6, (await repository.ListItemsAsync(tenant, job.Id, null, 100, null)).Items.Count);
    }

    [Fact]
    public async Task ListItems_2500Items_PagesPastTheServiceLimitInKeyOrder()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        var items = Items(job.Id, 5, 500);
        await repository.CreateAsync(job, items);

        var pages = new List<JobItemPage>();
        string? token = null;
        do
        {
            pages.Add(await repository.ListItemsAsync(tenant, job.Id, null, 1000, token));
            token = pages[^1].ContinuationToken;
        }
        while (token is not null);

        Assert.Equal([1000, 1000, 500], pages.Select(p => p.Items.Count));
        Assert.Equal(items.Select(i => i.Key).Order(StringComparer.Ordinal), pages.SelectMany(p => p.Items).Select(i => i.Key));
    }

    [Fact]
    public async Task UpdateItems_2500OutcomesOfAWave_WrittenInBatchesOfAHundred()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        await repository.CreateAsync(job, Items(job.Id, 5, 500));
        var stored = await AllItemsAsync(repository, tenant, job.Id);
        var counter = new RequestCounter();
        var counted = new JobRepository(RequestCounter.Client(azurite.ConnectionString, counter));

        var writes = await counted.UpdateItemsAsync(tenant, stored.Select(i => i.Finish(ItemOutcome.Changed(i.PlatformCouponId!), Now)).ToList());

        Assert.Equal(2500, writes.Written.Count);
        Assert.Empty(writes.ConflictedKeys);
        Assert.Equal(25, counter.Count);
        Assert.All(await AllItemsAsync(repository, tenant, job.Id), i => Assert.Equal(JobItemState.Succeeded, i.State));
    }

    [Fact]
    public async Task UpdateItems_OneItemChangedSinceRead_ItIsNamedTheOthersAreWritten()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        await repository.CreateAsync(job, Items(job.Id, 1, 5));
        var read = await AllItemsAsync(repository, tenant, job.Id);
        await repository.UpdateItemsAsync(tenant, [read[2] with { State = JobItemState.Started, StartedAt = Now }]);

        var writes = await repository.UpdateItemsAsync(tenant, read.Select(i => i.Cancel(Now)).ToList());

        Assert.Equal([read[2].Key], writes.ConflictedKeys);
        Assert.Equal(4, writes.Written.Count);
        var after = await AllItemsAsync(repository, tenant, job.Id);
        Assert.Equal([JobItemState.Cancelled, JobItemState.Cancelled, JobItemState.Started, JobItemState.Cancelled, JobItemState.Cancelled], after.Select(i => i.State));
        Assert.Equal(writes.Written.Single(w => w.Key == read[0].Key).Version, after[0].Version);
    }

    [Fact]
    public async Task UpdateItems_SameVersionTwice_SecondIsAConflict()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        await repository.CreateAsync(job, Items(job.Id, 1, 1));
        var pending = (await AllItemsAsync(repository, tenant, job.Id))[0];
        var start = pending with { State = JobItemState.Started, StartedAt = Now };

        var first = await repository.UpdateItemsAsync(tenant, [start]);
        var second = await repository.UpdateItemsAsync(tenant, [start]);

        Assert.Single(first.Written);
        Assert.Equal([pending.Key], second.ConflictedKeys);
    }

    [Fact]
    public async Task UpdateItems_DeploymentItemGetsItsCoupon_KeepsItsStoreKey()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant) with { Type = JobType.Deployment };
        await repository.CreateAsync(job, [Deployment(job.Id, "s-shop1")]);
        var item = (await repository.GetItemAsync(tenant, job.Id, "s-shop1"))!;

        var writes = await repository.UpdateItemsAsync(tenant, [item.Finish(ItemOutcome.Created("v-77", adopted: true), Now)]);
        var read = await repository.GetItemAsync(tenant, job.Id, "s-shop1");

        Assert.Single(writes.Written);
        Assert.Equal(("v-77", true, JobItemState.Succeeded), (read!.PlatformCouponId, read.Outcome!.Adopted, read.State));
        Assert.Single((await repository.ListItemsAsync(tenant, job.Id, null, 10, null)).Items);
    }

    [Fact]
    public async Task Recount_AfterOutcomes_CountsFromItemRowsAndFinishesOnce()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        await repository.CreateAsync(job, Items(job.Id, 2, 3));
        var items = await AllItemsAsync(repository, tenant, job.Id);
        await repository.UpdateItemsAsync(tenant,
        [
            items[0].Finish(ItemOutcome.Changed("v/00000"), Now),
            items[1].Finish(ItemOutcome.NotSupported("No renew on this platform."), Now),
            items[2] with { State = JobItemState.Started },
        ]);

        var running = await repository.RecountAsync(tenant, job.Id, Now.AddMinutes(1));
        await repository.CancelPendingItemsAsync(tenant, job.Id, Now.AddMinutes(2));
        var started = (await repository.GetItemAsync(tenant, job.Id, items[2].Key))!;
        await repository.UpdateItemsAsync(tenant, [started.Finish(ItemOutcome.Changed("v/00002"), Now)]);
        var finished = await repository.RecountAsync(tenant, job.Id, Now.AddMinutes(3));
        var again = await repository.RecountAsync(tenant, job.Id, Now.AddMinutes(9));

        Assert.Equal(new JobCounts(6, 3, 1, 1, 1, 0, 0), running!.Counts);
        Assert.Null(running.FinishedAt);
        Assert.Equal(new JobCounts(6, 0, 0, 2, 1, 0, 3), finished!.Counts);
        Assert.Equal(Now.AddMinutes(3), again!.FinishedAt);
        Assert.Equal(JobStatus.CompletedWithFailures, again.Status);
    }

    [Fact]
    public async Task CancelPending_RunTwice_CancelsOnlyPendingItemsOnce()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        await repository.CreateAsync(job, Items(job.Id, 1, 150));
        var first = (await AllItemsAsync(repository, tenant, job.Id))[0];
        await repository.UpdateItemsAsync(tenant, [first with { State = JobItemState.Started }]);

        var cancelled = await repository.CancelPendingItemsAsync(tenant, job.Id, Now);
        var again = await repository.CancelPendingItemsAsync(tenant, job.Id, Now);

        Assert.Equal((149, 0), (cancelled, again));
        var failedOrCancelled = await repository.ListItemsAsync(tenant, job.Id, [JobItemState.Cancelled, JobItemState.Failed], 1000, null);
        Assert.Equal(149, failedOrCancelled.Items.Count);
        Assert.All(failedOrCancelled.Items, i => Assert.Equal(ItemReasons.Cancelled, i.Outcome!.ReasonCode));
    }

    [Fact]
    public async Task Update_CancelRequestFromAStaleRead_Conflict()
    {
        var (repository, tenant) = await SetUpAsync();
        var created = Job(tenant);
        var job = await repository.CreateAsync(created, Items(created.Id, 1, 1));

        var cancelled = await repository.UpdateAsync(JobCancellation.Request(job).Value!);
        var stale = await repository.UpdateAsync(job with { Title = "renamed" });

        Assert.True(cancelled.IsOk);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.True((await repository.GetAsync(tenant, job.Id))!.CancelRequested);
        Assert.True((await repository.ListAsync(tenant, 10, null)).Jobs.Single().CancelRequested);
    }

    [Fact]
    public async Task List_ManyJobsTwoTenants_NewestFirstPagedAndOnlyTheTenants()
    {
        var (repository, tenant) = await SetUpAsync();
        var other = TenantId.Parse(azurite.UniqueName("other"));
        var ids = new List<JobId>();
        for (var i = 0; i < 5; i++) ids.Add((await repository.CreateAsync(Job(tenant, Now.AddMinutes(i)), [])).Id);
        var foreign = await repository.CreateAsync(Job(other, Now.AddHours(1)), []);

        var page1 = await repository.ListAsync(tenant, 3, null);
        var page2 = await repository.ListAsync(tenant, 3, page1.ContinuationToken);

        Assert.Equal(Enumerable.Reverse(ids), page1.Jobs.Concat(page2.Jobs).Select(j => j.Id));
        Assert.Null(page2.ContinuationToken);
        Assert.Null(await repository.GetAsync(tenant, foreign.Id));
        Assert.Null(await repository.GetItemAsync(tenant, foreign.Id, "s-store000"));
    }

    private static async Task<List<JobItem>> AllItemsAsync(JobRepository repository, TenantId tenant, JobId id)
    {
        var all = new List<JobItem>();
        string? token = null;
        do
        {
            var page = await repository.ListItemsAsync(tenant, id, null, 1000, token);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }

    [Fact]
    public async Task ListStoreItems_ThreeStores_ReadsOnlyThatStoresCouponsInKeyOrderWithTheirTargets()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        var target = new ActionTarget(CouponOperation.Update, new CouponChange { TotalQuantity = 150, ValidTo = Now.AddDays(7) });
        var items = Items(job.Id, 3, 4).Select(i => i with { Target = target }).ToList();
        await repository.CreateAsync(job, items);

        var store = await repository.ListStoreItemsAsync(tenant, job.Id, items[5].StoreId);

        Assert.Equal(items.Where(i => i.StoreId == items[5].StoreId).Select(i => i.Key).Order(StringComparer.Ordinal), store.Select(i => i.Key));
        Assert.All(store, i => Assert.Equal(target, i.Target));
    }

    [Fact]
    public async Task ListStoreItems_CloneItem_ReadsItsDraftBack()
    {
        var (repository, tenant) = await SetUpAsync();
        var job = Job(tenant);
        var draft = new CouponDraft
        {
            Name = "Spring sale", Code = "MDNEW", Reward = RewardType.Percentage, Percentage = 12.5m, MaxDiscount = 20m, MinSpend = 50m,
            TotalQuantity = 100, PerBuyerLimit = 1, ValidFrom = Now.AddHours(1), ValidTo = Now.AddDays(7), ProductIds = ["p-1", "p-2"],
        };
        var item = Items(job.Id, 1, 1)[0] with { Action = "cloneAsNew", Target = new ActionTarget(CouponOperation.Create, null, draft) };
        await repository.CreateAsync(job, [item]);

        var read = Assert.Single(await repository.ListStoreItemsAsync(tenant, job.Id, item.StoreId)).Target!;

        Assert.Equal((CouponOperation.Create, null), (read.Operation, read.Change));
        Assert.Equal(draft with { ProductIds = [] }, read.Draft! with { ProductIds = [] });
        Assert.Equal(["p-1", "p-2"], read.Draft!.ProductIds);
    }

    private async Task<(JobRepository, TenantId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Jobs);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.JobItems);
        return (new JobRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")));
    }
}
