using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Benchmarks.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Operations;

/// <summary>
/// What the sync and job benchmarks act on: an in-memory Azurite, the four platform sandboxes with a seeded fleet of stores,
/// the built worker under the local host with the connectors' settings for that fleet, a tenant with an admin key and every
/// store of the fleet, and the sandboxes throttled at the fleet's limits with their counters at zero. Disposed in reverse.
/// </summary>
internal sealed class FleetUnderHost : IAsyncDisposable
{
    public static readonly Platform[] AllPlatforms = [Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline];

    private FleetUnderHost(AzuriteFixture azurite, SandboxHost sandboxes)
    {
        Azurite = azurite;
        Sandboxes = sandboxes;
    }

    public AzuriteFixture Azurite { get; }

    public SandboxHost Sandboxes { get; }

    public AppUnderHost App { get; private set; } = null!;

    public TenantId Tenant { get; private set; }

    public string AdminKey { get; private set; } = "";

    public IReadOnlyList<FleetStore> Stores { get; private set; } = [];

    /// <summary>
    /// Starts it all for <paramref name="setup"/>. <paramref name="configure"/> adds to the worker's settings (configuration keys
    /// with ':') after the connectors' own.
    /// </summary>
    public static async Task<FleetUnderHost> StartAsync(BenchmarkContext context, ListingSetup setup, Action<Dictionary<string, string>> configure)
    {
        var ct = context.CancellationToken;
        // Azurite's three services as three processes: a queue receive does not wait behind a table batch (see AzuriteFixture).
        var azurite = new AzuriteFixture { ServicesApart = true };
        SandboxHost? sandboxes = null;
        try
        {
            await azurite.InitializeAsync();
            sandboxes = await SandboxHost.StartAsync(new SandboxHostOptions { Platforms = new HashSet<Platform>(AllPlatforms) }, ct);
            var fleet = new FleetUnderHost(azurite, sandboxes);
            ListingFleet.RegisterApps(sandboxes);
            fleet.Stores = AllPlatforms.SelectMany(p => ListingFleet.Seed(sandboxes, p, 1, setup.StoresPerPlatform, setup.CouponsPerStore, context.Time.GetUtcNow())).ToList();
            // The stand-in platforms answer the first measured calls warm, as the platforms do; the worker starts cold, as
            // after a deployment. (Their counters are reset and their limits set below.)
            await ListingFleet.WarmUpAsync(sandboxes, context.Time.GetUtcNow(), ct);
            context.Progress($"seeded {fleet.Stores.Count} stores x {setup.CouponsPerStore:N0} coupons; limits {setup.Limits[0].AppQps:0.#}/s per app, {setup.Limits[0].ShopQps:0.#}/s per shop");

            var settings = ListingFleet.ConnectorSettings(sandboxes, setup).ToDictionary(s => s.Key, s => s.Value!);
            configure(settings);
            var partners = new SandboxPartners(ListingFleet.ShopeePartnerId, ListingFleet.ShopeePartnerKey);
            fleet.App = await AppUnderHost.CreateAsync(azurite.ConnectionString, sandboxes, partners, settings, context.Time);
            fleet.Tenant = TenantId.Parse(azurite.UniqueName("bench"));
            (_, fleet.AdminKey) = await AppHostSettings.NewTenantAsync(fleet.App.Services, fleet.Tenant, "Benchmark tenant");
            var repository = fleet.App.Services.GetRequiredService<IStoreRepository>();
            foreach (var store in fleet.Stores) await repository.AddAsync(ToStore(fleet.Tenant, store, context.Time.GetUtcNow()), ct);
            foreach (var (_, stats, throttle) in fleet.Sandboxes.Parts())
            {
                throttle.Configure(setup.Limits[0].AppQps, setup.Limits[0].ShopQps);
                stats.Reset();
            }
            return fleet;
        }
        catch
        {
            if (sandboxes is not null) await sandboxes.DisposeAsync();
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        await Sandboxes.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private static Store ToStore(TenantId tenant, FleetStore store, DateTimeOffset now) => new()
    {
        TenantId = tenant, Id = StoreId.Parse(store.Key), Platform = store.Platform, Site = store.Site, ShopId = store.ShopId,
        DisplayName = $"Bench {store.Key}", TimeZoneId = Sites.Get(store.Site).TimeZoneId, Credentials = store.Credentials, CreatedAt = now, UpdatedAt = now,
    };
}

/// <summary>The four sandboxes' counters and throttles, by platform.</summary>
internal static class SandboxParts
{
    public static IReadOnlyList<(Platform Platform, SandboxStats Stats, SandboxThrottle Throttle)> Parts(this SandboxHost host) =>
    [
        (Platform.Shopee, host.Shopee.Stats, host.Shopee.Throttle),
        (Platform.Lazada, host.Lazada.Stats, host.Lazada.Throttle),
        (Platform.TikTok, host.TikTok.Stats, host.TikTok.Throttle),
        (Platform.Shopline, host.Shopline.Stats, host.Shopline.Throttle),
    ];
}
