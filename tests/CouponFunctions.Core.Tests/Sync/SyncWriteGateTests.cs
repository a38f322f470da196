using System.Collections.Concurrent;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Tests.Sync;

/// <summary>The instance's sync writes: a few at a time, a waiting run's writes before those nobody waits for yet.</summary>
public sealed class SyncWriteGateTests
{
    private readonly SyncWriteGate _gate = new(2);
    private readonly ConcurrentQueue<string> _started = new();

    [Fact]
    public async Task RunAsync_MoreWritesThanPlaces_RunsTwoAtOnceAndTheRestInOrderOfArrival()
    {
        var first = Hold("first", urgent: false);
        var second = Hold("second", urgent: false);
        var third = Hold("third", urgent: false);
        var fourth = Hold("fourth", urgent: false);
        await Reached.UntilAsync(() => _gate.Waiting == 2);
        Assert.Equal(["first", "second"], _started);

        first.Release();
        await Reached.UntilAsync(() => _started.Count == 3);
        Assert.Equal("third", _started.Last());
        second.Release();
        third.Release();
        fourth.Release();
        await Task.WhenAll(first.Run, second.Run, third.Run, fourth.Run);
        Assert.Equal(["first", "second", "third", "fourth"], _started);
    }

    [Fact]
    public async Task RunAsync_ARunWaitingOnStorage_GoesBeforeEarlierWritesNobodyWaitsFor()
    {
        var first = Hold("first", urgent: false);
        var second = Hold("second", urgent: false);
        var calm = Hold("calm", urgent: false);
        var waiting = Hold("waiting", urgent: false);
        await Reached.UntilAsync(() => _gate.Waiting == 2);

        // The later write's run now waits on it (its listing is blocked, or it has listed everything).
        waiting.Urgent = true;
        first.Release();
        await Reached.UntilAsync(() => _started.Count == 3);
        Assert.Equal("waiting", _started.Last());

        second.Release();
        await Reached.UntilAsync(() => _started.Count == 4);
        Assert.Equal("calm", _started.Last());
        calm.Release();
        waiting.Release();
        await Task.WhenAll(first.Run, second.Run, calm.Run, waiting.Run);
    }

    [Fact]
    public async Task RunAsync_RunsWaitingOnStorage_TheOneWithTheFewestWritesLeftGoesFirst()
    {
        var first = Hold("first", urgent: false);
        var second = Hold("second", urgent: false);
        // A store that lists faster than storage writes has three writes waiting; then a run that has listed everything
        // hands over its last one. Both wait on storage.
        var busy = HoldRun("busy", 3, urgent: true);
        await Reached.UntilAsync(() => _gate.Waiting == 3);
        var ending = HoldRun("ending", 1, urgent: true);
        await Reached.UntilAsync(() => _gate.Waiting == 4);

        first.Release();
        await Reached.UntilAsync(() => _started.Count == 3);
        Assert.Equal("ending-1", _started.Last());
        second.Release();
        await Reached.UntilAsync(() => _started.Count == 4);
        ending[0].Release();
        await Reached.UntilAsync(() => _started.Count == 5);
        Assert.Equal(["first", "second", "ending-1", "busy-1", "busy-2"], _started);

        foreach (var write in busy) write.Release();
        await Task.WhenAll(busy.Select(w => w.Run).Concat([first.Run, second.Run, ending[0].Run]));
        Assert.Equal("busy-3", _started.Last());
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_NeverRunsAndGivesItsTurnToTheNext()
    {
        var first = Hold("first", urgent: false);
        var second = Hold("second", urgent: false);
        using var cancel = new CancellationTokenSource();
        var cancelled = Hold("cancelled", urgent: true, cancel.Token);
        var next = Hold("next", urgent: false);
        await Reached.UntilAsync(() => _gate.Waiting == 2);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.Run);
        Assert.Equal(1, _gate.Waiting);

        first.Release();
        await Reached.UntilAsync(() => _started.Count == 3);
        Assert.Equal(["first", "second", "next"], _started);
        second.Release();
        next.Release();
        await Task.WhenAll(first.Run, second.Run, next.Run);
    }

    [Fact]
    public async Task RunAsync_AWriteFails_ItsPlaceIsFreedAndTheFaultReachesTheRun()
    {
        var failing = _gate.For(() => false).RunAsync(() => Task.FromException(new InvalidOperationException("storage said no")), CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("storage said no", error.Message);

        var first = Hold("first", urgent: false);
        var second = Hold("second", urgent: false);
        await Reached.UntilAsync(() => _started.Count == 2);
        first.Release();
        second.Release();
        await Task.WhenAll(first.Run, second.Run);
    }

    private HeldWrite Hold(string name, bool urgent, CancellationToken cancellationToken = default)
    {
        var held = new HeldWrite { Urgent = urgent };
        held.Run = _gate.For(() => held.Urgent).RunAsync(async () =>
        {
            _started.Enqueue(name);
            await held.Storage.Task;
        }, cancellationToken);
        return held;
    }

    /// <summary>Writes of one run, each held by storage until released; the run's urgency is shared by its writes.</summary>
    private List<HeldWrite> HoldRun(string name, int writes, bool urgent)
    {
        var run = new HeldWrite { Urgent = urgent };
        var writer = _gate.For(() => run.Urgent);
        return [.. Enumerable.Range(1, writes).Select(i =>
        {
            var held = new HeldWrite();
            held.Run = writer.RunAsync(async () =>
            {
                _started.Enqueue($"{name}-{i}");
                await held.Storage.Task;
            }, CancellationToken.None);
            return held;
        })];
    }

    private sealed class HeldWrite
    {
        private volatile bool _urgent;

        public bool Urgent
        {
            get => _urgent;
            set => _urgent = value;
        }

        public TaskCompletionSource Storage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Run { get; set; } = Task.CompletedTask;

        public void Release() => Storage.SetResult();
    }
}
