using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// The SyncCoupons timer's use case: one queue message per active, connected store that is due, each made visible at
/// its own moment so that the stores of one platform are spread evenly over the spread window instead of all calling
/// the platform in the same second.
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
        var due = new List<Store>();
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
            if (tenantStates.GetValueOrDefault(store.Id)?.LastSuccessAt is { } last && now - last < settings.Interval * 0.8) continue;
            due.Add(store);
        }

        // Each platform's stores are spread evenly over the window, and the platforms are interleaved in the queue, so
        // that the messages in flight at any moment share every platform's rate limits instead of waiting on one.
        var byPlatform = due.GroupBy(s => s.Platform)
            .Select(g => g.OrderBy(s => s.TenantId.Value, StringComparer.Ordinal).ThenBy(s => s.Id.Value, StringComparer.Ordinal).ToList())
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
}
