using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Shopline;
using CouponFunctions.Platforms.TikTok;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Demo;
using CouponFunctions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms.Tests.Demo;

/// <summary>
/// All four sandboxes on loopback and the four connectors registered exactly as the handler does it
/// (<c>AddPlatformConnectors</c> over the sample settings, secrets generated as run.sh does, the address moved to this
/// host's port). One manual clock drives the sandboxes and the connectors, so a given <c>now</c> gives the same run.
/// </summary>
internal sealed class DemoTestBed : IAsyncDisposable
{
    /// <summary>09:00 in Singapore and Manila, 08:00 in Bangkok and Ho Chi Minh City: the UTC date is the stores' date.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 11, 21, 1, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlySet<Platform> AllPlatforms = new HashSet<Platform> { Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline };

    private readonly ServiceProvider _services;

    private DemoTestBed(SandboxHost host, ManualTimeProvider clock, ServiceProvider services)
    {
        Host = host;
        Clock = clock;
        _services = services;
        Sandboxes = SandboxSet.From(host);
    }

    public SandboxHost Host { get; }

    public ManualTimeProvider Clock { get; }

    public SandboxSet Sandboxes { get; }

    public IPlatformConnectors Connectors => _services.GetRequiredService<IPlatformConnectors>();

    /// <summary>The credentials the handler builds from the connectors' options.</summary>
    public DemoCredentials Credentials
    {
        get
        {
            var shopee = _services.GetRequiredService<IOptions<ShopeeClientOptions>>().Value;
            var lazada = _services.GetRequiredService<IOptions<LazadaClientOptions>>().Value;
            var tiktok = _services.GetRequiredService<IOptions<TikTokClientOptions>>().Value;
            var shopline = _services.GetRequiredService<IOptions<ShoplineClientOptions>>().Value;
            return new DemoCredentials
            {
                ShopeePartnerId = shopee.PartnerId,
                ShopeePartnerKey = shopee.PartnerKey,
                LazadaAppKey = lazada.AppKey,
                LazadaAppSecret = lazada.AppSecret,
                TikTokAppKey = tiktok.AppKey,
                TikTokAppSecret = tiktok.AppSecret,
                TikTokServiceId = tiktok.ServiceId,
                ShoplineAppKey = shopline.AppKey,
                ShoplineAppSecret = shopline.AppSecret,
            };
        }
    }

    public static async Task<DemoTestBed> StartAsync(DateTimeOffset now)
    {
        var clock = new ManualTimeProvider(now);
        var host = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = clock, Platforms = new HashSet<Platform>(AllPlatforms) });
        var settings = LocalSettingsSample.PlatformSettings();
        foreach (var key in settings.Keys.ToList())
            settings[key] = settings[key]?.Replace(LocalSettingsSample.LocalUrl, host.BaseAddress.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
        foreach (var platform in new[] { "Shopee", "Lazada", "TikTok", "Shopline" })
        {
            // The manual clock never lets a rate-limit wait end, and no retry should be needed: pace nothing, retry nothing.
            settings[$"Platforms:{platform}:AppQps"] = settings[$"Platforms:{platform}:ShopQps"] = "100000";
            settings[$"Platforms:{platform}:AppBurst"] = settings[$"Platforms:{platform}:ShopBurst"] = "100000";
            settings[$"Platforms:{platform}:MaxRetries"] = "0";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddPlatformConnectors(configuration).BuildServiceProvider();
        return new DemoTestBed(host, clock, services);
    }

    public DemoData NewDemo(DemoOptions? options = null) => new(Sandboxes, options);

    public static StoreConnection Connection(DemoStore store) =>
        new(TenantId.Parse("t-demo"), StoreId.Parse(store.Key), store.Platform, store.Site, store.ShopId, store.Credentials);

    public static Store Store(DemoStore store, DateTimeOffset now) => new()
    {
        TenantId = TenantId.Parse("t-demo"),
        Id = StoreId.Parse(store.Key),
        Platform = store.Platform,
        Site = store.Site,
        ShopId = store.ShopId,
        DisplayName = store.DisplayName,
        TimeZoneId = store.TimeZoneId,
        Credentials = store.Credentials,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Every coupon of the store, through its connector over HTTP.</summary>
    public async Task<List<Coupon>> ListAsync(DemoStore store)
    {
        var coupons = new List<Coupon>();
        // As sync does: a coupon whose listing leaves fields out (Shopee's minimum spend, cap, items) is completed by its detail.
        var connector = Connectors.For(store.Platform);
        await foreach (var page in connector.ListCouponsAsync(Connection(store)))
        {
            foreach (var listed in page)
            {
                if (listed.Unknown == UnknownCouponFields.None)
                {
                    coupons.Add(listed);
                    continue;
                }
                var detail = await connector.GetCouponAsync(Connection(store), listed.PlatformCouponId);
                coupons.Add(detail.Succeeded ? detail.Value : throw new InvalidOperationException(detail.Error.ToString()));
            }
        }
        return coupons;
    }

    /// <summary>Every store's coupons, in the seed's store order.</summary>
    public async Task<List<(DemoStore Store, List<Coupon> Coupons)>> ListAllAsync(DemoSeed seed)
    {
        var all = new List<(DemoStore, List<Coupon>)>();
        foreach (var store in seed.Stores) all.Add((store, await ListAsync(store)));
        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
