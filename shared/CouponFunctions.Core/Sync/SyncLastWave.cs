using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// The sync runs of each platform that are listing in this instance, so that a run of a platform's last wave (see
/// <see cref="PlanSyncHandler"/>) can wait for the platform's earlier long runs. The planner queues the last wave behind
/// the short syncs, but when the short ones run out before the long ones end, a place that frees takes a last-wave store
/// early: it shares the app limit with the long runs, ends well before the rest of its wave, and leaves its platform to
/// end a store short of filling the app limit. Waiting until fewer of the platform's other runs list than fill the app
/// limit keeps it with its wave; the place it holds meanwhile had nothing else to run.
/// </summary>
internal sealed class SyncLastWave
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Platform, int> _listing = [];
    private readonly List<(Platform Platform, int Below, TaskCompletionSource Turn)> _waiting = [];

    /// <summary>Runs of <paramref name="platform"/> counted as listing (for tests).</summary>
    public int Listing(Platform platform)
    {
        lock (_lock) return _listing.GetValueOrDefault(platform);
    }

    /// <summary>Counts a run of <paramref name="platform"/> that is not of a last wave as listing, until <see cref="Listed"/>.</summary>
    public void StartListing(Platform platform)
    {
        lock (_lock) _listing[platform] = _listing.GetValueOrDefault(platform) + 1;
    }

    /// <summary>The run's listing is over (whole or not): the last-wave runs it kept waiting may start.</summary>
    public void Listed(Platform platform)
    {
        List<TaskCompletionSource> turns;
        lock (_lock)
        {
            var listing = _listing[platform] = _listing.GetValueOrDefault(platform) - 1;
            turns = [.. _waiting.Where(w => w.Platform == platform && listing < w.Below).Select(w => w.Turn)];
            _waiting.RemoveAll(w => w.Platform == platform && listing < w.Below);
        }
        foreach (var turn in turns) turn.TrySetResult();
    }

    /// <summary>Completes when fewer than <paramref name="below"/> runs of <paramref name="platform"/> are listing here.</summary>
    public Task TurnAsync(Platform platform, int below, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_listing.GetValueOrDefault(platform) < below) return Task.CompletedTask;
            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((platform, below, turn));
            return turn.Task.WaitAsync(cancellationToken);
        }
    }
}
