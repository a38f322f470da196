namespace CouponFunctions.Core.Sync;

/// <summary>
/// The coupon writes of every sync run in one instance, a few at a time, the most urgent first. A run is urgent while
/// it waits on storage: its listing has as many writes under way as it may have, or it has listed everything and waits
/// for its last writes. Other runs' writes wait their turn: their platform paces them, and their listing goes on while
/// their writes wait. So a store whose platform lists faster than storage writes (Lazada lists 50 coupons a call and
/// reads no details), or a run that only has its last writes left, is not held up behind writes nobody waits for yet,
/// and ends sooner, freeing its place for the next store.
/// </summary>
internal sealed class SyncWriteGate
{
    private readonly object _lock = new();
    private readonly List<Waiter> _waiting = [];
    private readonly int _capacity;
    private int _running;

    public SyncWriteGate(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Writes waiting for their turn (for tests).</summary>
    public int Waiting
    {
        get
        {
            lock (_lock) return _waiting.Count;
        }
    }

    /// <summary>Runs <paramref name="write"/> when its turn comes; <paramref name="urgent"/> is asked whenever a turn is given.</summary>
    public async Task RunAsync(Func<bool> urgent, Func<Task> write, CancellationToken cancellationToken)
    {
        await EnterAsync(urgent, cancellationToken).ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            Exit();
        }
    }

    private async Task EnterAsync(Func<bool> urgent, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_running < _capacity && _waiting.Count == 0)
            {
                _running++;
                return;
            }
            waiter = new Waiter(urgent);
            _waiting.Add(waiter);
        }

        using (cancellationToken.Register(() => Cancel(waiter, cancellationToken)))
        {
            await waiter.Turn.Task.ConfigureAwait(false);
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Already given its turn: it runs (and exits) as usual.
            if (!_waiting.Remove(waiter)) return;
        }
        waiter.Turn.TrySetCanceled(cancellationToken);
    }

    private void Exit()
    {
        Waiter? next;
        lock (_lock)
        {
            next = Next();
            if (next is null) _running--;
            else _waiting.Remove(next);
        }
        // The turn passes on: the running count stays as it is.
        next?.Turn.TrySetResult();
    }

    /// <summary>The longest-waiting write of an urgent run, else the longest-waiting write.</summary>
    private Waiter? Next()
    {
        Waiter? oldest = null;
        foreach (var waiter in _waiting)
        {
            if (waiter.Urgent()) return waiter;
            oldest ??= waiter;
        }
        return oldest;
    }

    /// <summary>A write waiting for its turn; <see cref="_waiting"/> keeps them in order of arrival.</summary>
    private sealed class Waiter(Func<bool> urgent)
    {
        public Func<bool> Urgent { get; } = urgent;

        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
