using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Jobs;

/// <summary>How a job's items are cut into work: items per activity call, activity calls per wave, and per platform.</summary>
/// <param name="MaxItemsPerBatch">Items of one store handled by one activity call (a deployment has one item per store).</param>
/// <param name="MaxBatchesPerWave">Activity calls the orchestrator fans out at once.</param>
/// <param name="MaxConcurrentPerPlatform">Activity calls into one platform at once, so no wave bursts into one platform; a
/// platform listed in <see cref="PerPlatform"/> gets its own number instead.</param>
public sealed record WaveLimits(int MaxItemsPerBatch = 50, int MaxBatchesPerWave = 64, int MaxConcurrentPerPlatform = 32)
{
    public static WaveLimits Default { get; } = new();

    /// <summary>Stores of a platform at once, derived from its rates (<see cref="StoresInFlight"/>); unlisted platforms get
    /// <see cref="MaxConcurrentPerPlatform"/>.</summary>
    public IReadOnlyList<PlatformConcurrency> PerPlatform { get; init; } = [];

    /// <summary>Activity calls into <paramref name="platform"/> at once.</summary>
    public int ConcurrentFor(Platform platform) =>
        PerPlatform.FirstOrDefault(p => p.Platform == platform) is { } own ? own.Stores : MaxConcurrentPerPlatform;

    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (MaxItemsPerBatch is < 1 or > 1000) errors.Add("MaxItemsPerBatch must be 1–1000.");
        if (MaxBatchesPerWave is < 1 or > 500) errors.Add("MaxBatchesPerWave must be 1–500.");
        if (MaxConcurrentPerPlatform < 1) errors.Add("MaxConcurrentPerPlatform must be at least 1.");
        if (PerPlatform.Any(p => p.Stores < 1)) errors.Add("Every platform's concurrency must be at least 1.");
        return errors;
    }
}

/// <summary>How many of a platform's stores run at once.</summary>
public sealed record PlatformConcurrency(Platform Platform, int Stores);

/// <summary>One item to plan: its key in the job (see <see cref="JobItem.KeyOf"/>), its store and platform.</summary>
public sealed record WorkItem(string Key, Platform Platform, StoreId StoreId);

/// <summary>One activity call: items of one store. <see cref="Id"/> is deterministic ("s-1a2b.2", safe in table keys), so a replay or a retry
/// addresses the same batch.</summary>
public sealed record WorkBatch(string Id, Platform Platform, StoreId StoreId, IReadOnlyList<string> ItemKeys);

/// <summary>Activity calls that run together; the next wave starts when this one has finished.</summary>
public sealed record Wave(int Number, IReadOnlyList<WorkBatch> Batches);

public sealed record WavePlan(IReadOnlyList<Wave> Waves)
{
    public int BatchCount => Waves.Sum(w => w.Batches.Count);

    public int ItemCount => Waves.Sum(w => w.Batches.Sum(b => b.ItemKeys.Count));
}

/// <summary>Splits a job's items into bounded waves: at most one batch per store in a wave (a store's calls stay in order
/// and within its token bucket), at most <see cref="WaveLimits.ConcurrentFor"/> per platform (evened out over the waves for a
/// number derived from rates, see <see cref="WavesFor"/>) and
/// <see cref="WaveLimits.MaxBatchesPerWave"/> in all. Stores with the most work left go first, which keeps the number of
/// waves near the least the limits allow. Deterministic: the same items in the same order give the same plan.</summary>
public static class WavePlanner
{
    public static WavePlan Plan(IEnumerable<WorkItem> items, WaveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Errors() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors), nameof(limits));

        var queues = Batches(items, limits.MaxItemsPerBatch);
        var planned = queues.GroupBy(q => q.Platform).ToDictionary(g => g.Key, g => WavesFor(g.Key, g.Sum(q => q.Batches.Count), limits));
        var waves = new List<Wave>();
        while (queues.Any(q => q.Batches.Count > 0))
        {
            var atOnce = queues.GroupBy(q => q.Platform).ToDictionary(g => g.Key, g => AtOnce(g.Key, g.Sum(q => q.Batches.Count), planned[g.Key] - waves.Count, limits));
            var perPlatform = new Dictionary<Platform, int>();
            var wave = new List<WorkBatch>();
            foreach (var queue in queues.Where(q => q.Batches.Count > 0).OrderByDescending(q => q.Batches.Count).ThenBy(q => q.Order))
            {
                if (wave.Count == limits.MaxBatchesPerWave) break;
                var batch = queue.Batches.Peek();
                var used = perPlatform.GetValueOrDefault(batch.Platform);
                if (used >= atOnce[batch.Platform]) continue;
                perPlatform[batch.Platform] = used + 1;
                wave.Add(queue.Batches.Dequeue());
            }

            waves.Add(new Wave(waves.Count + 1, wave));
        }

        return new WavePlan(waves);
    }

    /// <summary>The least number of waves any plan needs under these limits: the busiest store's batch count, the busiest
    /// platform's batches over its concurrency, all batches over the wave size. For benchmarks and tests.</summary>
    public static int LowerBound(IEnumerable<WorkItem> items, WaveLimits limits)
    {
        var queues = Batches(items, limits.MaxItemsPerBatch);
        if (queues.Count == 0) return 0;
        var perStore = queues.Max(q => q.Batches.Count);
        var perPlatform = queues.GroupBy(q => q.Platform).Max(g => WavesFor(g.Key, g.Sum(q => q.Batches.Count), limits));
        var all = Ceiling(queues.Sum(q => q.Batches.Count), limits.MaxBatchesPerWave);
        return Math.Max(perStore, Math.Max(perPlatform, all));
    }

    /// <summary>
    /// The waves a platform's batches take. A number derived from the platform's rates (<see cref="WaveLimits.PerPlatform"/>) is
    /// the least that keeps its app limit busy, so a last wave of a few stores would run below it: the batches are evened out
    /// over <c>floor(batches / number)</c> waves instead (25 stores at 12 a time: 13 and 12, not 12, 12 and 1), as far as
    /// <see cref="WaveLimits.MaxConcurrentPerPlatform"/> allows. Other platforms take <see cref="WaveLimits.ConcurrentFor"/> at a time.
    /// </summary>
    private static int WavesFor(Platform platform, int batches, WaveLimits limits)
    {
        var needed = limits.ConcurrentFor(platform);
        if (batches <= needed || !limits.PerPlatform.Any(p => p.Platform == platform)) return Ceiling(batches, needed);
        var even = batches / needed;
        return Ceiling(batches, even) <= Math.Max(needed, limits.MaxConcurrentPerPlatform) ? even : Ceiling(batches, Math.Max(needed, limits.MaxConcurrentPerPlatform));
    }

    /// <summary>A platform's batches in the next wave: its remaining batches spread over its waves left, never fewer than the
    /// number that keeps its app limit busy nor more than the cap.</summary>
    private static int AtOnce(Platform platform, int remaining, int wavesLeft, WaveLimits limits)
    {
        var needed = limits.ConcurrentFor(platform);
        if (!limits.PerPlatform.Any(p => p.Platform == platform)) return needed;
        var cap = Math.Max(needed, limits.MaxConcurrentPerPlatform);
        return wavesLeft > 0 ? Math.Min(cap, Math.Max(needed, Ceiling(remaining, wavesLeft))) : cap;
    }

    private static int Ceiling(int a, int b) => (a + b - 1) / b;

    private sealed record StoreQueue(StoreId Store, Platform Platform, int Order, Queue<WorkBatch> Batches);

    private static List<StoreQueue> Batches(IEnumerable<WorkItem> items, int size)
    {
        var byStore = new Dictionary<StoreId, (Platform Platform, int Order, List<string> Keys)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!seen.Add(item.Key)) throw new ArgumentException($"The item '{item.Key}' is listed twice.", nameof(items));
            if (!byStore.TryGetValue(item.StoreId, out var entry))
                byStore[item.StoreId] = entry = (item.Platform, byStore.Count, []);
            else if (entry.Platform != item.Platform)
                throw new ArgumentException($"Store {item.StoreId} is listed on two platforms.", nameof(items));
            entry.Keys.Add(item.Key);
        }

        return byStore.Select(s => new StoreQueue(s.Key, s.Value.Platform, s.Value.Order, new Queue<WorkBatch>(
                s.Value.Keys.Chunk(size).Select((keys, i) => new WorkBatch($"{s.Key.Value}.{i + 1}", s.Value.Platform, s.Key, keys)))))
            .ToList();
    }
}
