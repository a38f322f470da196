using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using Moq;

using static CouponFunctions.Core.Tests.Sync.SyncHandlerBed;

namespace CouponFunctions.Core.Tests.Sync;

/// <summary>
/// A store's sync lists on while storage writes its earlier pages: 100 coupons a write (two pages of 50), four writes at once
/// and never more, each coupon's coupon-day row before it, and the run ends only when every write has.
/// </summary>
public sealed class SyncStoreWritePipelineTests
{
    private const int Pages = 10;
    private const int PageSize = 50;

    private readonly Mock<ICouponRepository> _coupons = new();
    private readonly Mock<IStoreDayTotals> _dayTotals = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, CouponDayStart?> _days = new();
    private readonly TaskCompletionSource _storage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pagesListed;
    private int _failAfterPages = int.MaxValue;
    private int _writing;
    private int _mostWriting;
    private int _writesStarted;
    private readonly ConcurrentQueue<int> _writeSizes = new();

    public SyncStoreWritePipelineTests()
    {
        _coupons.Setup(c => c.ApplyAsync(Shop.TenantId, Shop.Id, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<CouponWrite>>(), It.IsAny<CancellationToken>()))
            .Returns(async (TenantId _, StoreId _, string _, DateTimeOffset _, IReadOnlyList<CouponWrite> writes, CancellationToken _) =>
            {
                var now = Interlocked.Increment(ref _writing);
                InterlockedMax(ref _mostWriting, now);
                Interlocked.Increment(ref _writesStarted);
                _writeSizes.Enqueue(writes.Count);
                await _storage.Task;
                foreach (var write in writes)
                {
                    _events.Enqueue("coupon " + write.Next.Id);
                    _days[write.Next.Id] = write.Next.Day;
                }
                Interlocked.Decrement(ref _writing);
            });
        _dayTotals.Setup(s => s.SaveAsync(Shop.TenantId, It.IsAny<StoreDayTotals>(), It.IsAny<CancellationToken>()))
            .Returns((TenantId _, StoreDayTotals totals, CancellationToken _) =>
            {
                _events.Enqueue($"totals {totals.Claims}");
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task HandleAsync_StorageSlowerThanTheListing_ListsOnWithFourWritesOf100AndEndsWhenAllAreWritten()
    {
        var run = Handler().HandleAsync(new SyncStoreMessage(Shop.TenantId.Value, Shop.Id.Value, SyncStoreMessage.Scheduled, Now));

        // Storage holds every write: pages 1-8 are being written, two by two; pages 9-10 are listed and wait for one of them.
        await Reached.UntilAsync(() => Volatile.Read(ref _pagesListed) == Pages && Volatile.Read(ref _writesStarted) == 4);
        await Task.Delay(200);
        Assert.Equal(4, Volatile.Read(ref _writesStarted));
        Assert.False(run.IsCompleted);

        _storage.SetResult();
        var outcome = await run;

        Assert.Equal(SyncRunStatus.Succeeded, outcome.Status);
        Assert.Equal(Pages * PageSize, outcome.Counts.Created);
        Assert.Equal(4, _mostWriting);
        Assert.Equal([100, 100, 100, 100, 100], _writeSizes);
        var events = _events.ToList();
        var ids = Enumerable.Range(0, Pages * PageSize).Select(Id).ToList();
        // Every coupon written once, with the day its claims count on, and the day's totals after all of them.
        Assert.Equal(ids.Order(), events.Where(e => e.StartsWith("coupon ", StringComparison.Ordinal)).Select(e => e[7..]).Order());
        var day = Assert.Single(_days.Values.Distinct());
        Assert.Equal((0, 0), (day!.Claimed, day.Used));
        Assert.Equal($"totals {Pages * PageSize * 3}", events[^1]);
    }

    [Fact]
    public async Task HandleAsync_PlatformFailsAfterThreePages_WritesWhatWasListedAndRecordsTheFailure()
    {
        _failAfterPages = 3;
        _storage.SetResult();

        var outcome = await Handler().HandleAsync(new SyncStoreMessage(Shop.TenantId.Value, Shop.Id.Value, SyncStoreMessage.Scheduled, Now));

        // Pages 1-2 went in one write, page 3 (half a write) is written before the failure is reported; no totals.
        Assert.Equal(SyncRunStatus.Failed, outcome.Status);
        Assert.Equal([100, 50], _writeSizes);
        var events = _events.ToList();
        var ids = Enumerable.Range(0, 3 * PageSize).Select(Id).ToList();
        Assert.Equal(ids.Order(), events.Where(e => e.StartsWith("coupon ", StringComparison.Ordinal)).Select(e => e[7..]).Order());
        Assert.DoesNotContain(events, e => e.StartsWith("totals", StringComparison.Ordinal));
    }

    private SyncStoreHandler Handler() => SyncHandlerBed.Create(_ => Shop, _ => ListAsync(), _coupons.Object, _dayTotals.Object);

    private async IAsyncEnumerable<IReadOnlyList<Coupon>> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; page < Pages; page++)
        {
            await Task.Yield();
            if (page == _failAfterPages)
                throw new PlatformException(new PlatformError(Platform.Lazada, PlatformErrorKind.Transient, "server_error", "The platform failed."));
            Interlocked.Increment(ref _pagesListed);
            yield return Enumerable.Range(page * PageSize, PageSize).Select(Listed).ToList();
        }
    }

    private static string Id(int i) => $"v-{i:D3}";

    // A complete listing (nothing left to read in detail), claimed 3 times: each coupon gets a coupon-day row.
    private static Coupon Listed(int i) => SyncHandlerBed.Listed(Id(i), i);

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
