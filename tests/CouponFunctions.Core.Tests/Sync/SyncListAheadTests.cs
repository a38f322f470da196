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
/// A sync run lists a page ahead of the page it plans: while one detail read of a page is out, the next page is listed and
/// its details read in the places the other reads leave, and nothing of the first page is written until that read is back.
/// </summary>
public sealed class SyncListAheadTests
{
    private const int Pages = 3;
    private const int PageSize = 50;

    private readonly TaskCompletionSource<PlatformResult<Coupon>> _slowRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _reads = new();
    private readonly ConcurrentQueue<int> _writeSizes = new();
    private int _pagesListed;

    [Fact]
    public async Task HandleAsync_OneDetailReadOfThePageIsSlow_TheNextPageIsListedAndReadMeanwhile()
    {
        var coupons = new Mock<ICouponRepository>();
        coupons.Setup(c => c.ApplyAsync(Shop.TenantId, Shop.Id, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<CouponWrite>>(), It.IsAny<CancellationToken>()))
            .Returns((TenantId _, StoreId _, string _, DateTimeOffset _, IReadOnlyList<CouponWrite> writes, CancellationToken _) =>
            {
                _writeSizes.Enqueue(writes.Count);
                return Task.CompletedTask;
            });
        var handler = SyncHandlerBed.Create(_ => Shop, _ => ListAsync(), coupons.Object, new Mock<IStoreDayTotals>().Object, ReadDetailAsync);

        var run = handler.HandleAsync(new SyncStoreMessage(Shop.TenantId.Value, Shop.Id.Value, SyncStoreMessage.Scheduled, Now));

        // The first coupon's read is out: every other read of the first two pages is done, the third page waits its turn.
        await Reached.UntilAsync(() => _reads.Count == 2 * PageSize);
        Assert.Equal(2, Volatile.Read(ref _pagesListed));
        Assert.Empty(_writeSizes);
        Assert.False(run.IsCompleted);

        _slowRead.SetResult(PlatformResult<Coupon>.Ok(Listed(0) with { Unknown = UnknownCouponFields.None }));
        var outcome = await run;

        Assert.Equal(SyncRunStatus.Succeeded, outcome.Status);
        Assert.Equal(new SyncCounts(Pages * PageSize, Pages * PageSize, 0, 0, 0, Pages * PageSize), outcome.Counts);
        Assert.Equal([100, 50], _writeSizes);
    }

    private Task<PlatformResult<Coupon>> ReadDetailAsync(string id)
    {
        _reads.Enqueue(id);
        return id == Id(0) ? _slowRead.Task : Task.FromResult(PlatformResult<Coupon>.Ok(Listed(int.Parse(id[2..])) with { Unknown = UnknownCouponFields.None }));
    }

    private async IAsyncEnumerable<IReadOnlyList<Coupon>> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; page < Pages; page++)
        {
            await Task.Yield();
            Interlocked.Increment(ref _pagesListed);
            yield return Enumerable.Range(page * PageSize, PageSize).Select(Listed).ToList();
        }
    }

    private static string Id(int i) => $"v-{i:D3}";

    // Lazada's list leaves the products out: each coupon's detail is read.
    private static Coupon Listed(int i) => SyncHandlerBed.Listed(Id(i), i, UnknownCouponFields.Products);
}
