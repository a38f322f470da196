using System.Runtime.CompilerServices;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tests.Deployments;
using Moq;

namespace CouponFunctions.Core.Tests.Sync;

/// <summary>A run of a platform's last wave waits while the platform's other runs fill its app limit with their listings.</summary>
public sealed class SyncLastWaveTests
{
    private static readonly DateTimeOffset Now = SyncHandlerBed.Now;

    [Fact]
    public async Task TurnAsync_FewerListingThanFillTheAppLimit_GoesAtOnce()
    {
        var waves = new SyncLastWave();
        waves.StartListing(Platform.Shopee);
        waves.StartListing(Platform.TikTok);
        waves.StartListing(Platform.TikTok);

        await waves.TurnAsync(Platform.Shopee, 2, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(waves.TurnAsync(Platform.TikTok, 2, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task TurnAsync_PlatformFull_WaitsUntilItsListingsDropBelowAndOtherPlatformsNeverCount()
    {
        var waves = new SyncLastWave();
        for (var i = 0; i < 3; i++) waves.StartListing(Platform.Shopee);
        var turn = waves.TurnAsync(Platform.Shopee, 2, CancellationToken.None);
        var later = waves.TurnAsync(Platform.Shopee, 1, CancellationToken.None);

        waves.StartListing(Platform.Lazada);
        waves.Listed(Platform.Lazada);
        waves.Listed(Platform.Shopee);
        Assert.False(turn.IsCompleted);
        waves.Listed(Platform.Shopee);
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(later.IsCompleted);
        waves.Listed(Platform.Shopee);
        await later.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, waves.Listing(Platform.Shopee));
    }

    [Fact]
    public async Task TurnAsync_Cancelled_StopsWaiting()
    {
        var waves = new SyncLastWave();
        waves.StartListing(Platform.Shopee);
        using var cancel = new CancellationTokenSource();

        var turn = waves.TurnAsync(Platform.Shopee, 1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
    }

    [Fact]
    public async Task HandleAsync_LastWaveRunWhileAnotherRunFillsTheAppLimit_ListsOnlyOnceThatListingIsOver()
    {
        // 50 calls a second per app and per shop: one store fills the app limit.
        var first = new HeldListing("s-first");
        var last = new HeldListing("s-last");
        var listings = new Dictionary<StoreId, HeldListing> { [first.Store.Id] = first, [last.Store.Id] = last };
        var coupons = new Mock<ICouponRepository>();
        Mock<ISyncStateRepository> states = null!;
        var handler = SyncHandlerBed.Create(id => listings[id].Store, id => listings[id].ListAsync(), coupons.Object, new Mock<IStoreDayTotals>().Object,
            configureStates: s => states = s, rate: new PlatformRate(50, 50));

        var firstRun = handler.HandleAsync(Message(first));
        await Reached.UntilAsync(() => first.Pages == 1);
        var lastRun = handler.HandleAsync(Message(last, lastWave: true));
        await Task.Delay(200);
        Assert.Equal(0, last.Pages);
        // It holds its store's lease while it waits: its turn starts with a platform call, not a storage write.
        states.Verify(s => s.TryAcquireAsync(null, last.Store.TenantId, last.Store.Id, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>()), Times.Once);
        states.Verify(s => s.RecordRunAsync(It.Is<SyncRun>(r => r.StoreId == last.Store.Id), It.IsAny<CancellationToken>()), Times.Never);

        var released = TimeProvider.System.GetUtcNow();
        first.Release();
        Assert.Equal(SyncRunStatus.Succeeded, (await firstRun).Status);
        last.Release();
        var outcome = await lastRun;
        Assert.Equal((SyncRunStatus.Succeeded, 100), (outcome.Status, outcome.Counts.Created));
        // Its record starts when its turn came, not when its message arrived.
        Assert.True(outcome.StartedAt >= released, $"started {outcome.StartedAt:O}, turn after {released:O}");
    }

    [Fact]
    public async Task HandleAsync_EarlierRunListedAllAndWaitsOnlyForAWritePlace_LastWaveRunStarts()
    {
        // The first store lists 10 pages at once; storage holds every write, so its last write (pages 9 and 10) waits for
        // one of the four before it to finish. It makes no more platform calls: the last wave need not wait for storage.
        var first = new HeldListing("s-first", pages: 10, holdFrom: 10);
        var last = new HeldListing("s-last");
        var listings = new Dictionary<StoreId, HeldListing> { [first.Store.Id] = first, [last.Store.Id] = last };
        var storage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = 0;
        var coupons = new Mock<ICouponRepository>();
        coupons.Setup(c => c.ApplyAsync(It.IsAny<TenantId>(), first.Store.Id, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<CouponWrite>>(),
                It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Interlocked.Increment(ref writes);
                return storage.Task;
            });
        var handler = SyncHandlerBed.Create(id => listings[id].Store, id => listings[id].ListAsync(), coupons.Object, new Mock<IStoreDayTotals>().Object,
            rate: new PlatformRate(50, 50));

        var firstRun = handler.HandleAsync(Message(first));
        await Reached.UntilAsync(() => first.Pages == 10 && Volatile.Read(ref writes) == 4);
        var lastRun = handler.HandleAsync(Message(last, lastWave: true));
        await Reached.UntilAsync(() => last.Pages == 1);

        Assert.False(firstRun.IsCompleted);
        last.Release();
        storage.SetResult();
        Assert.Equal(SyncRunStatus.Succeeded, (await firstRun).Status);
        Assert.Equal(SyncRunStatus.Succeeded, (await lastRun).Status);
        Assert.Equal(5, writes);
    }

    [Fact]
    public async Task HandleAsync_LastWaveRunStoppedBeforeItsTurn_ReleasesItsLeaseAndRecordsNothing()
    {
        var first = new HeldListing("s-first");
        var last = new HeldListing("s-last");
        var listings = new Dictionary<StoreId, HeldListing> { [first.Store.Id] = first, [last.Store.Id] = last };
        Mock<ISyncStateRepository> states = null!;
        var handler = SyncHandlerBed.Create(id => listings[id].Store, id => listings[id].ListAsync(), new Mock<ICouponRepository>().Object,
            new Mock<IStoreDayTotals>().Object, configureStates: s => states = s, rate: new PlatformRate(50, 50));
        var firstRun = handler.HandleAsync(Message(first));
        await Reached.UntilAsync(() => first.Pages == 1);
        using var stopping = new CancellationTokenSource();

        var lastRun = handler.HandleAsync(Message(last, lastWave: true), stopping.Token);
        await Task.Delay(100);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lastRun);
        states.Verify(s => s.ReleaseAsync(It.Is<SyncLease>(l => l.StoreId == last.Store.Id), It.IsAny<CancellationToken>()), Times.Once);
        states.Verify(s => s.RecordRunAsync(It.Is<SyncRun>(r => r.StoreId == last.Store.Id), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(0, last.Pages);
        first.Release();
        Assert.Equal(SyncRunStatus.Succeeded, (await firstRun).Status);
    }

    [Fact]
    public async Task HandleAsync_RunNotOfTheLastWave_ListsBesideRunsThatFillTheAppLimit()
    {
        var first = new HeldListing("s-first");
        var second = new HeldListing("s-second");
        var listings = new Dictionary<StoreId, HeldListing> { [first.Store.Id] = first, [second.Store.Id] = second };
        var handler = SyncHandlerBed.Create(id => listings[id].Store, id => listings[id].ListAsync(), new Mock<ICouponRepository>().Object,
            new Mock<IStoreDayTotals>().Object, rate: new PlatformRate(50, 50));

        var runs = new[] { handler.HandleAsync(Message(first)), handler.HandleAsync(Message(second)) };
        await Reached.UntilAsync(() => first.Pages == 1 && second.Pages == 1);

        first.Release();
        second.Release();
        Assert.All(await Task.WhenAll(runs), r => Assert.Equal(SyncRunStatus.Succeeded, r.Status));
    }

    private static SyncStoreMessage Message(HeldListing listing, bool lastWave = false) =>
        new(listing.Store.TenantId.Value, listing.Store.Id.Value, SyncStoreMessage.Scheduled, Now, LastWave: lastWave);

    /// <summary>A store whose platform answers pages of 50 (two by default) and holds the page <paramref name="holdFrom"/> (0-based) until released.</summary>
    private sealed class HeldListing(string id, int pages = 2, int holdFrom = 1)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _pages;

        public Store Store { get; } = DeployTestData.Store(Platform.Lazada, "SG", id) with { Credentials = new StoreCredentials("access", Now.AddDays(1)) };

        public int Pages => Volatile.Read(ref _pages);

        public void Release() => _release.TrySetResult();

        public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var page = 0; page < pages; page++)
            {
                await Task.Yield();
                if (page == holdFrom) await _release.Task;
                Interlocked.Increment(ref _pages);
                yield return Enumerable.Range(page * 50, 50).Select(i => SyncHandlerBed.Listed($"{id}-{i:D3}", i)).ToList();
            }
        }
    }
}
