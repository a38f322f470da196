using System.Collections.Concurrent;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Tests.Sync;

namespace CouponFunctions.Core.Tests.Platforms;

/// <summary>
/// The per-coupon reads of a listing share a few places across its pages: a page's reads queue behind the earlier pages',
/// the next page's take places as the previous page's last reads finish, a fault stops what has not started, and
/// disposing waits for what is in flight.
/// </summary>
public sealed class DetailReadsTests
{
    private readonly ConcurrentQueue<string> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _reads = new();
    private readonly ConcurrentDictionary<string, CancellationToken> _tokens = new();

    [Fact]
    public async Task ReadAsync_TwoPages_TheNextPageTakesPlacesWhileThePreviousPagesLastReadIsOut()
    {
        await using var reads = new DetailReads(2, CancellationToken.None);

        var first = reads.ReadAsync(["a1", "a2", "a3"], ReadAsync);
        var second = reads.ReadAsync(["b1", "b2"], ReadAsync);
        await Reached.UntilAsync(() => _started.Count == 2);
        Assert.Equal(["a1", "a2"], _started);

        Finish("a1");
        await Reached.UntilAsync(() => _started.Count == 3);
        Finish("a2");
        await Reached.UntilAsync(() => _started.Count == 4);
        // a3 is still out, and b1 has the place a2 left.
        Assert.Equal(["a1", "a2", "a3", "b1"], _started);
        Assert.False(first.IsCompleted);

        Finish("b1");
        await Reached.UntilAsync(() => _started.Count == 5);
        Assert.False(second.IsCompleted);
        Finish("a3");
        Finish("b2");
        Assert.Equal(["read a1", "read a2", "read a3"], await first);
        Assert.Equal(["read b1", "read b2"], await second);
    }

    [Fact]
    public async Task ReadAsync_AReadFails_ReadsNotStartedNeverStartAndOnlyThePagesItStoppedFail()
    {
        await using var reads = new DetailReads(2, CancellationToken.None);

        var first = reads.ReadAsync(["a1"], ReadAsync);
        var second = reads.ReadAsync(["b1", "b2", "b3"], ReadAsync);
        await Reached.UntilAsync(() => _started.Count == 2);
        _reads["b1"].SetException(new InvalidOperationException("b1 failed"));

        // The read in flight finishes on the listing's token (the fault does not cut it off) and its page completes.
        Assert.False(_tokens["a1"].IsCancellationRequested);
        Finish("a1");
        Assert.Equal(["read a1"], await first);
        var fault = await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal("b1 failed", fault.Message);
        Assert.Equal(["a1", "b1"], _started);

        var third = reads.ReadAsync(["c1"], ReadAsync);
        Assert.Equal("b1 failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => third)).Message);
        Assert.Equal(["a1", "b1"], _started);
    }

    [Fact]
    public async Task DisposeAsync_WaitsForTheReadInFlightAndStartsNoOther()
    {
        var reads = new DetailReads(1, CancellationToken.None);
        var page = reads.ReadAsync(["x1", "x2"], ReadAsync);
        await Reached.UntilAsync(() => _started.Count == 1);

        var disposing = reads.DisposeAsync().AsTask();
        await Task.Delay(50);
        Assert.False(disposing.IsCompleted);
        Finish("x1");
        await disposing;

        Assert.Equal(["x1"], _started);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => page);
    }

    private Task<string> ReadAsync(string item, CancellationToken cancellationToken)
    {
        var read = _reads.GetOrAdd(item, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        _tokens[item] = cancellationToken;
        _started.Enqueue(item);
        return read.Task;
    }

    private void Finish(string item) => _reads[item].SetResult("read " + item);
}
