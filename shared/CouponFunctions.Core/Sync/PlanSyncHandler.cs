using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// The SyncCoupons timer's use case: one queue message per active, connected store that is due, each made visible at
/// its own moment so that the stores of one platform are spread evenly over the spread window instead of all calling
/// the platform in the same second. Within each platform's spread the heaviest stores start first
/// (longest-processing-time first), so the run does not end waiting on a large store that started last.
/// </summary>
public sealed class PlanSyncHandler(
    IStoreRepository stores,
    ISyncStateRepository states,
    IWorkQueue queue,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<PlanSyncHandler> logger)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var due = new List<(Store Store, long Weight)>();
        var statesByTenant = new Dictionary<Tenancy.TenantId, Dictionary<StoreId, SyncState>>();
        await foreach (var store in stores.ListAllAsync(cancellationToken))
        {
            if (store.Status != StoreStatus.Active || !store.IsConnected) continue;
            if (!statesByTenant.TryGetValue(store.TenantId, out var tenantStates))
            {
                tenantStates = (await states.ListAsync(store.TenantId, cancellationToken)).ToDictionary(s => s.StoreId);
                statesByTenant[store.TenantId] = tenantStates;
            }
            // Due unless it synced successfully within most of an interval (a late timer still leaves room).
            var state = tenantStates.GetValueOrDefault(store.Id);
            if (state?.LastSuccessAt is { } last && now - last < settings.Interval * 0.8) continue;
            due.Add((store, Weight(state)));
        }

        // Each platform's stores are spread evenly over the window, and the platforms are interleaved in the queue, so
        // that the messages in flight at any moment share every platform's rate limits instead of waiting on one.
        var byPlatform = due.GroupBy(d => d.Store.Platform)
            .Select(g => g.OrderByDescending(d => d.Weight)
                .ThenBy(d => d.Store.TenantId.Value, StringComparer.Ordinal).ThenBy(d => d.Store.Id.Value, StringComparer.Ordinal)
                .Select(d => d.Store).ToList())
            .ToList();
        var planned = byPlatform
            .SelectMany(stores => stores.Select((store, i) => (Store: store, Index: i, Delay: stores.Count > 1 ? settings.SpreadWindow / stores.Count * i : TimeSpan.Zero)))
            .OrderBy(p => p.Index).ThenBy(p => p.Store.Platform);
        foreach (var (store, _, delay) in planned)
        {
            await queue.EnqueueAsync(new SyncStoreMessage(store.TenantId.Value, store.Id.Value, SyncStoreMessage.Scheduled, now), delay, cancellationToken);
        }
        logger.LogInformation("Planned the sync of {Count} stores over {Window}", due.Count, settings.SpreadWindow);
        return due.Count;
    }

    /// <summary>
    /// How long a store's sync will take, by the coupons its last sync saw. A store that never synced successfully is
    /// an unknown that may be large: it goes first, the safe side of longest-processing-time first.
    /// </summary>
    private static long Weight(SyncState? state) => state?.LastSuccessAt is null ? long.MaxValue : state.CouponCount;
}
