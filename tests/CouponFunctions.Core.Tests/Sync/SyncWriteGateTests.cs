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
        var failing = _gate.RunAsync(() => false, () => Task.FromException(new InvalidOperationException("storage said no")), CancellationToken.None);
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
        held.Run = _gate.RunAsync(() => held.Urgent, async () =>
        {
            _started.Enqueue(name);
            await held.Storage.Task;
        }, cancellationToken);
        return held;
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
