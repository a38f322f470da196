using System.Collections.Concurrent;
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

/// <summary>
/// The sync runs of one instance share eight page writes at once. When storage falls behind, a run that waits on it (its
/// listing is over and only its writes are left) has its write taken before an earlier write of a run still listing.
/// </summary>
public sealed class SyncWriteOrderTests
{
    private const int PageSize = 50;
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<StoreId, StoreScript> _scripts = new();
    private readonly ConcurrentQueue<string> _writesStarted = new();

    [Fact]
    public async Task HandleAsync_StorageBehind_TheWriteOfARunThatHasListedEverythingGoesBeforeAnEarlierOneOfARunStillListing()
    {
        var handler = Handler();
        // Two runs fill the eight places: four writes of 100 each, held by storage; their listings then wait on the platform
        // (a run lists a page ahead of the pages it writes: eight pages listed, then the ninth, are four writes).
        var first = Script("s-first", pages: 10, listedBeforeWaiting: 9);
        var second = Script("s-second", pages: 10, listedBeforeWaiting: 9);
        var runs = new List<Task<SyncRun>> { Run(handler, first), Run(handler, second) };
        await Reached.UntilAsync(() => _writesStarted.Count == 8);

        // A run still listing hands over a write (it waits for a place), then a run that has listed everything does.
        var listing = Script("s-listing", pages: 4, listedBeforeWaiting: 3);
        runs.Add(Run(handler, listing));
        await Reached.UntilAsync(() => listing.Listed == 3);
        await Task.Delay(100);
        var done = Script("s-done", pages: 2, listedBeforeWaiting: 2);
        runs.Add(Run(handler, done));
        await Reached.UntilAsync(() => done.Listed == 2);
        await Task.Delay(100);
        Assert.Equal(8, _writesStarted.Count);

        // A place frees: the finished run's write goes first, then the earlier one.
        first.ReleaseOneWrite();
        await Reached.UntilAsync(() => _writesStarted.Count == 9);
        Assert.Equal("s-done", _writesStarted.Last());
        second.ReleaseOneWrite();
        await Reached.UntilAsync(() => _writesStarted.Count == 10);
        Assert.Equal("s-listing", _writesStarted.Last());

        foreach (var script in new[] { first, second, listing, done }) script.ReleaseAll();
        var outcomes = await Task.WhenAll(runs);
        Assert.All(outcomes, o => Assert.Equal(SyncRunStatus.Succeeded, o.Status));
        Assert.Equal([500, 500, 200, 100], outcomes.Select(o => o.Counts.Created));
    }

    private StoreScript Script(string id, int pages, int listedBeforeWaiting)
    {
        var script = new StoreScript(DeployTestData.Store(Platform.Lazada, "SG", id) with { Credentials = new StoreCredentials("access", Now.AddDays(1)) }, pages, listedBeforeWaiting);
        _scripts[script.Store.Id] = script;
        return script;
    }

    private static Task<SyncRun> Run(SyncStoreHandler handler, StoreScript script) =>
        handler.HandleAsync(new SyncStoreMessage(script.Store.TenantId.Value, script.Store.Id.Value, SyncStoreMessage.Scheduled, Now));

    private SyncStoreHandler Handler()
    {
        var coupons = new Mock<ICouponRepository>();
        coupons.Setup(c => c.ApplyAsync(It.IsAny<TenantId>(), It.IsAny<StoreId>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<CouponWrite>>(), It.IsAny<CancellationToken>()))
            .Returns((TenantId _, StoreId id, string _, DateTimeOffset _, IReadOnlyList<CouponWrite> _, CancellationToken _) =>
            {
                _writesStarted.Enqueue(id.Value);
                return _scripts[id].WriteAsync();
            });
        return SyncHandlerBed.Create(id => _scripts[id].Store, id => _scripts[id].ListAsync(), coupons.Object, new Mock<IStoreDayTotals>().Object);
    }

    /// <summary>One store's platform (pages of 50, the rest after <c>listedBeforeWaiting</c> once released) and its storage (held until released).</summary>
    private sealed class StoreScript(Store store, int pages, int listedBeforeWaiting)
    {
        private readonly TaskCompletionSource _platform = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<TaskCompletionSource> _writes = new();
        private readonly TaskCompletionSource _storage = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _listed;

        public Store Store { get; } = store;

        public int Listed => Volatile.Read(ref _listed);

        public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var page = 0; page < pages; page++)
            {
                await Task.Yield();
                if (page == listedBeforeWaiting) await _platform.Task;
                Interlocked.Increment(ref _listed);
                yield return Enumerable.Range(page * PageSize, PageSize).Select(ListedCoupon).ToList();
            }
        }

        public Task WriteAsync()
        {
            var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _writes.Enqueue(write);
            return Task.WhenAny(write.Task, _storage.Task).Unwrap();
        }

        public void ReleaseOneWrite()
        {
            Assert.True(_writes.TryDequeue(out var write));
            write.SetResult();
        }

        public void ReleaseAll()
        {
            _platform.TrySetResult();
            _storage.TrySetResult();
        }

        private Coupon ListedCoupon(int i) => SyncHandlerBed.Listed($"{Store.Id.Value}-{i:D4}", i);
    }
}
