namespace CouponFunctions.Core.Sync;

/// <summary>
/// The coupon writes of every sync run in one instance, a few at a time, the most urgent first. A run is urgent while
/// it waits on storage: its listing has as many writes under way as it may have, or it has listed everything and waits
/// for its last writes. Other runs' writes wait their turn: their platform paces them, and their listing goes on while
/// their writes wait. So a store whose platform lists faster than storage writes (Lazada lists 50 coupons a call and
/// reads no details), or a run that only has its last writes left, is not held up behind writes nobody waits for yet,
/// and ends sooner, freeing its place for the next store. Of the urgent runs, the one with the fewest writes waiting
/// goes first (the earliest of equals): when many runs end their listings together, the runs one or two writes from
/// their end finish and free their places first, instead of each waiting behind a store with a dozen writes to go.
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

    /// <summary>The gate as one run uses it; <paramref name="urgent"/> is asked whenever a turn is given.</summary>
    public RunWrites For(Func<bool> urgent) => new(this, urgent);

    private async Task RunAsync(RunWrites run, Func<Task> write, CancellationToken cancellationToken)
    {
        await EnterAsync(run, cancellationToken).ConfigureAwait(false);
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            Exit();
        }
    }

    private async Task EnterAsync(RunWrites run, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_running < _capacity && _waiting.Count == 0)
            {
                _running++;
                return;
            }
            waiter = new Waiter(run);
            _waiting.Add(waiter);
            run.Waiting++;
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
            waiter.Run.Waiting--;
        }
        waiter.Turn.TrySetCanceled(cancellationToken);
    }

    private void Exit()
    {
        Waiter? next;
        lock (_lock)
        {
            next = Next();
            if (next is null)
            {
                _running--;
            }
            else
            {
                _waiting.Remove(next);
                next.Run.Waiting--;
            }
        }
        // The turn passes on: the running count stays as it is.
        next?.Turn.TrySetResult();
    }

    /// <summary>Of the urgent runs' writes, the earliest of the run with the fewest waiting; else the longest-waiting write.</summary>
    private Waiter? Next()
    {
        Waiter? pick = null;
        foreach (var waiter in _waiting)
        {
            if (waiter.Run.Waiting < (pick?.Run.Waiting ?? int.MaxValue) && waiter.Run.Urgent()) pick = waiter;
        }
        return pick ?? (_waiting.Count > 0 ? _waiting[0] : null);
    }

    /// <summary>One run's writes through the gate.</summary>
    internal sealed class RunWrites(SyncWriteGate gate, Func<bool> urgent)
    {
        public Func<bool> Urgent { get; } = urgent;

        /// <summary>The run's writes waiting for their turn (guarded by the gate's lock).</summary>
        public int Waiting { get; set; }

        /// <summary>Runs <paramref name="write"/> when its turn comes.</summary>
        public Task RunAsync(Func<Task> write, CancellationToken cancellationToken) => gate.RunAsync(this, write, cancellationToken);
    }

    /// <summary>A write waiting for its turn; <see cref="_waiting"/> keeps them in order of arrival.</summary>
    private sealed class Waiter(RunWrites run)
    {
        public RunWrites Run { get; } = run;

        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
