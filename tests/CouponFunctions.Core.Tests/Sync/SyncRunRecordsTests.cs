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
/// A run's bookkeeping does not hold its listing up, and keeps its order: the run lists while its "running" record is
/// being written and records its outcome only after it; at its end the read-model segment and the day's totals are
/// written together.
/// </summary>
public sealed class SyncRunRecordsTests
{
    private const int Pages = 2;
    private const int PageSize = 50;

    private readonly Mock<ICouponRepository> _coupons = new();
    private readonly Mock<IStoreDayTotals> _dayTotals = new();
    private readonly ConcurrentQueue<string> _events = new();
    private int _written;

    public SyncRunRecordsTests()
    {
        _coupons.Setup(c => c.ApplyAsync(Shop.TenantId, Shop.Id, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<CouponWrite>>(), It.IsAny<CancellationToken>()))
            .Returns((TenantId _, StoreId _, string _, DateTimeOffset _, IReadOnlyList<CouponWrite> writes, CancellationToken _) =>
            {
                Interlocked.Add(ref _written, writes.Count);
                return Task.CompletedTask;
            });
        _dayTotals.Setup(s => s.SaveAsync(Shop.TenantId, It.IsAny<StoreDayTotals>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                _events.Enqueue("totals");
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task HandleAsync_RunningRecordSlow_TheRunListsMeanwhileAndRecordsItsOutcomeAfterIt()
    {
        var runningRecorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = SyncHandlerBed.Create(_ => Shop, _ => ListAsync(), _coupons.Object, _dayTotals.Object, configureStates: states =>
        {
            states.Setup(s => s.RecordRunAsync(It.IsAny<SyncRun>(), It.IsAny<CancellationToken>()))
                .Returns((SyncRun run, CancellationToken _) =>
                {
                    _events.Enqueue("record " + run.Status);
                    return run.Status == SyncRunStatus.Running ? runningRecorded.Task : Task.CompletedTask;
                });
            states.Setup(s => s.CompleteAsync(It.IsAny<SyncLease>(), It.IsAny<SyncRun>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
                .Returns(() =>
                {
                    _events.Enqueue("lease released");
                    return Task.CompletedTask;
                });
        });

        var run = handler.HandleAsync(new SyncStoreMessage(Shop.TenantId.Value, Shop.Id.Value, SyncStoreMessage.Scheduled, Now));

        // Everything is listed and written while the "running" record is still on its way; the outcome waits for it.
        await Reached.UntilAsync(() => Volatile.Read(ref _written) == Pages * PageSize && _events.Contains("totals"));
        Assert.False(run.IsCompleted);
        Assert.DoesNotContain("record Succeeded", _events);

        runningRecorded.SetResult();
        var outcome = await run;

        Assert.Equal(SyncRunStatus.Succeeded, outcome.Status);
        Assert.Equal(["record Running", "totals", "record Succeeded", "lease released"], _events);
    }

    [Fact]
    public async Task HandleAsync_SegmentWriteSlow_TheDaysTotalsAreWrittenMeanwhile()
    {
        var segmentWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readModel = new Mock<IStoreReadModel>();
        readModel.Setup(r => r.WriteCouponsAsync(Shop, It.IsAny<IReadOnlyCollection<StoredCoupon>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((Store _, IReadOnlyCollection<StoredCoupon> coupons, DateTimeOffset _, CancellationToken _) =>
            {
                _events.Enqueue($"segment of {coupons.Count}");
                return segmentWritten.Task;
            });
        var handler = SyncHandlerBed.Create(_ => Shop, _ => ListAsync(), _coupons.Object, _dayTotals.Object, readModel: readModel.Object);

        var run = handler.HandleAsync(new SyncStoreMessage(Shop.TenantId.Value, Shop.Id.Value, SyncStoreMessage.Scheduled, Now));

        await Reached.UntilAsync(() => _events.Contains("totals"));
        Assert.Contains($"segment of {Pages * PageSize}", _events);
        Assert.False(run.IsCompleted);

        segmentWritten.SetResult();
        Assert.Equal(SyncRunStatus.Succeeded, (await run).Status);
    }

    private static async IAsyncEnumerable<IReadOnlyList<Coupon>> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 0; page < Pages; page++)
        {
            await Task.Yield();
            yield return Enumerable.Range(page * PageSize, PageSize).Select(Listed).ToList();
        }
    }

    // A complete listing (nothing left to read in detail), claimed 3 times: each coupon gets a coupon-day row, so the run has
    // day totals to write.
    private static Coupon Listed(int i) => SyncHandlerBed.Listed($"v-{i:D3}", i);
}
