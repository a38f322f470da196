using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Sync;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Sync;

[Collection(AzuriteCollection.Name)]
public sealed class SyncStateRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryAcquire_TenRunsAtOnce_ExactlyOneGetsTheStore()
    {
        var (repository, tenant, store) = await SetUpAsync();

        var leases = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => repository.TryAcquireAsync(tenant, store, $"run-{i}", Now.AddMinutes(5), Now)));

        var winner = Assert.Single(leases, l => l is not null);
        Assert.Equal(winner!.Owner, (await repository.GetAsync(tenant, store))!.LeaseOwner);
    }

    [Fact]
    public async Task TryAcquire_LeaseExpired_TakesOverAndNamesThePreviousOwner()
    {
        var (repository, tenant, store) = await SetUpAsync();
        await repository.TryAcquireAsync(tenant, store, "crashed-run", Now.AddMinutes(5), Now);

        Assert.Null(await repository.TryAcquireAsync(tenant, store, "too-early", Now.AddMinutes(9), Now.AddMinutes(4)));
        var lease = await repository.TryAcquireAsync(tenant, store, "next-run", Now.AddMinutes(11), Now.AddMinutes(6));

        Assert.Equal("crashed-run", lease!.PreviousOwner);
    }

    [Fact]
    public async Task TryAcquire_FromAStateReadBefore_TakesItUnlessALiveLeaseTookItMeanwhile()
    {
        var (repository, tenant, store) = await SetUpAsync();
        var unsynced = await repository.GetAsync(tenant, store);
        Assert.Null(unsynced);

        // Read before anything was stored: the row is made with the lease.
        var first = await repository.TryAcquireAsync(unsynced, tenant, store, "first-run", Now.AddMinutes(5), Now);
        Assert.Equal("first-run", (await repository.GetAsync(tenant, store))!.LeaseOwner);
        await repository.ReleaseAsync(first!);

        // A run takes the lease after the state was read: the stale read is read again and the live lease wins.
        var read = await repository.GetAsync(tenant, store);
        var winner = await repository.TryAcquireAsync(tenant, store, "winner", Now.AddMinutes(10), Now.AddMinutes(1));
        Assert.Null(await repository.TryAcquireAsync(read, tenant, store, "late", Now.AddMinutes(10), Now.AddMinutes(1)));
        Assert.Equal("winner", (await repository.GetAsync(tenant, store))!.LeaseOwner);
        await repository.ReleaseAsync(winner!);

        // The row moved without a lease (a "Sync now" was queued) since the read: read again, the lease is taken.
        read = await repository.GetAsync(tenant, store);
        await repository.QueueManualRunAsync(tenant, store, "manual-run", Now.AddMinutes(2), Now.AddMinutes(1));
        var lease = await repository.TryAcquireAsync(read, tenant, store, "scheduled-run", Now.AddMinutes(12), Now.AddMinutes(2));
        Assert.Equal("scheduled-run", lease!.Owner);
        Assert.Equal("scheduled-run", (await repository.GetAsync(tenant, store))!.LeaseOwner);
    }

    [Fact]
    public async Task Complete_FailuresThenSuccess_CountsAndClearsAndReleases()
    {
        var (repository, tenant, store) = await SetUpAsync();
        var failure = new SyncFailure("Transient", "boom", "error_server", 500, "req-1", "https://x/api?sign=***");

        for (var i = 0; i < 2; i++)
        {
            var lease = await repository.TryAcquireAsync(tenant, store, $"f{i}", Now.AddMinutes(5 + i), Now.AddMinutes(i));
            await repository.CompleteAsync(lease!, Run(tenant, store, SyncRunStatus.Failed, failure), 0);
        }
        var failed = await repository.GetAsync(tenant, store);
        var success = await repository.TryAcquireAsync(tenant, store, "ok", Now.AddMinutes(10), Now.AddMinutes(3));
        await repository.CompleteAsync(success!, Run(tenant, store, SyncRunStatus.Succeeded, null), 42);
        var healthy = await repository.GetAsync(tenant, store);

        Assert.Equal(2, failed!.ConsecutiveFailures);
        Assert.Equal(failure, failed.LastFailure);
        Assert.Null(failed.LeaseOwner);
        Assert.Equal(0, healthy!.ConsecutiveFailures);
        Assert.Null(healthy.LastFailure);
        Assert.Equal(42, healthy.CouponCount);
        Assert.Equal(SyncRunStatus.Succeeded, healthy.LastStatus);
        Assert.NotNull(await repository.TryAcquireAsync(tenant, store, "after", Now.AddMinutes(20), Now.AddMinutes(4)));
    }

    [Fact]
    public async Task TryAcquire_StoreNeverHeld_IsTheFirstAttemptUntilALeaseWasTaken()
    {
        var (repository, tenant, store) = await SetUpAsync();
        // A "Sync now" marks the row before any run holds the store: still the first attempt.
        await repository.QueueManualRunAsync(tenant, store, "queued-run", Now, Now.AddMinutes(-1));

        var first = await repository.TryAcquireAsync(tenant, store, "first", Now.AddMinutes(5), Now);
        await repository.CompleteAsync(first!, Run(tenant, store, SyncRunStatus.Succeeded, null), 3);
        var second = await repository.TryAcquireAsync(tenant, store, "second", Now.AddMinutes(10), Now.AddMinutes(1));

        Assert.True(first!.FirstAttempt);
        Assert.False(first.AfterUnfinishedRun);
        Assert.False(second!.FirstAttempt);
        Assert.False(second.AfterUnfinishedRun);
    }

    [Fact]
    public async Task TryAcquire_AfterARunThatDiedOrFailed_IsAfterAnUnfinishedRun()
    {
        var (repository, tenant, store) = await SetUpAsync();
        var crashed = await repository.TryAcquireAsync(tenant, store, "crashed-run", Now.AddMinutes(5), Now);

        var takeover = await repository.TryAcquireAsync(tenant, store, "takeover", Now.AddMinutes(11), Now.AddMinutes(6));
        await repository.CompleteAsync(takeover!, Run(tenant, store, SyncRunStatus.Failed, null), 0);
        var afterFailure = await repository.TryAcquireAsync(tenant, store, "after-failure", Now.AddMinutes(12), Now.AddMinutes(7));

        Assert.True(crashed!.FirstAttempt);
        Assert.False(takeover!.FirstAttempt);
        Assert.True(takeover.AfterUnfinishedRun);
        Assert.True(afterFailure!.AfterUnfinishedRun);
    }

    private async Task<(SyncStateRepository, TenantId, StoreId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SyncState);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SyncRuns);
        return (new SyncStateRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")), StoreId.New());
    }

    private static SyncRun Run(TenantId tenant, StoreId store, SyncRunStatus status, SyncFailure? failure) =>
        new("r", tenant, store, "manual", Now, Now, status, SyncCounts.Zero, failure);
}
