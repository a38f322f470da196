using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// The SyncCoupons timer's use case: one queue message per active, connected store that is due, each made visible at
/// its own moment so that the stores of one platform are spread evenly over the spread window instead of all calling
/// the platform in the same second. Within each platform's spread the longest syncs start first (longest-processing-time
/// first), so the run does not end waiting on a large store that started last.
/// <para>
/// The queue order matters when the stores' syncs overlap (a short window, or a catch-up after a pause): the host runs a
/// fixed number of sync messages at once, and a message waits for a place. A store's sync takes about its platform calls
/// over its shop limit, so each store's calls are estimated from its coupons (from its last successful sync) and its
/// connector's calls per coupon. Three parts go into the queue one after the other, the platforms interleaved in each:
/// </para>
/// <list type="number">
/// <item>the long syncs (at least a quarter of the longest), each platform's longest first, except each platform's last
/// <see cref="PlatformRate.ShopsToFillApp"/> of them;</item>
/// <item>the short syncs: they take the places left over while the long ones run, and never keep a long sync from a
/// place at the start;</item>
/// <item>each platform's last long syncs, as many as it takes to fill the platform's app limit at the shop limit: they
/// start together as the first long ones end, so each platform ends on a wave that keeps its app limit busy rather than
/// on the few stores a full first wave left over, each at its shop limit. Their messages say so: a last-wave run that
/// finds the platform's earlier runs still listing waits for them (<see cref="SyncLastWave"/>).</item>
/// </list>
/// </summary>
public sealed class PlanSyncHandler(
    IStoreRepository stores,
    ISyncStateRepository states,
    IPlatformConnectors connectors,
    IWorkQueue queue,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<PlanSyncHandler> logger)
{
    /// <summary>A sync under this share of the longest is short.</summary>
    private const int ShortShare = 4;

    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var due = new List<(Store Store, int? Coupons)>();
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
            due.Add((store, state?.LastSuccessAt is null ? null : state.CouponCount));
        }

        // A store that never synced successfully is an unknown that may be large: it counts as the largest known store
        // (and goes first among equals, the safe side of longest-processing-time first).
        var assumed = Math.Max(due.Max(d => d.Coupons) ?? 1, 1);
        var estimated = due.Select(d => new Estimate(d.Store, d.Coupons is null, Seconds(d.Store.Platform, d.Coupons ?? assumed))).ToList();
        var longest = estimated.Count > 0 ? estimated.Max(e => e.Seconds) : 0;
        var planned = estimated.GroupBy(e => e.Store.Platform)
            .SelectMany(g => Plan(g.OrderByDescending(e => e.Seconds).ThenByDescending(e => e.Unknown)
                .ThenBy(e => e.Store.TenantId.Value, StringComparer.Ordinal).ThenBy(e => e.Store.Id.Value, StringComparer.Ordinal).ToList(), longest, settings))
            .OrderBy(p => p.Part).ThenBy(p => p.Index).ThenBy(p => p.Store.Platform);
        foreach (var (store, part, _, delay) in planned)
        {
            await queue.EnqueueAsync(new SyncStoreMessage(store.TenantId.Value, store.Id.Value, SyncStoreMessage.Scheduled, now, LastWave: part == Part.LastWave),
                delay, cancellationToken);
        }
        logger.LogInformation("Planned the sync of {Count} stores over {Window}", due.Count, settings.SpreadWindow);
        return due.Count;
    }

    /// <summary>One platform's stores, longest first: each with its part of the queue, its place among the platform's stores
    /// and its delay in the spread window (by that place).</summary>
    private IEnumerable<Planned> Plan(List<Estimate> platform, double longest, SyncOptions settings)
    {
        var longSyncs = platform.Count(e => e.Seconds * ShortShare >= longest);
        var fill = connectors.For(platform[0].Store.Platform).Rate.ShopsToFillApp ?? longSyncs;
        var lastWaveFrom = longSyncs > fill ? longSyncs - fill : longSyncs;
        return platform.Select((e, i) => new Planned(e.Store, i < lastWaveFrom ? Part.Long : i < longSyncs ? Part.LastWave : Part.Short, i,
            platform.Count > 1 ? settings.SpreadWindow / platform.Count * i : TimeSpan.Zero));
    }

    /// <summary>A store's sync time at its shop limit: its coupons' platform calls over the shop limit.</summary>
    private double Seconds(Platform platform, int coupons)
    {
        var connector = connectors.For(platform);
        var calls = coupons * connector.CallsPerCoupon;
        return connector.Rate.ShopQps is > 0 and var shop && !double.IsInfinity(shop) ? calls / shop : calls;
    }

    private enum Part
    {
        Long,
        Short,
        LastWave,
    }

    private sealed record Estimate(Store Store, bool Unknown, double Seconds);

    private sealed record Planned(Store Store, Part Part, int Index, TimeSpan Delay);
}
