using System.Net;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Lazada;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Sandbox.Shopline;
using CouponFunctions.Sandbox.TikTok;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Sandbox.Common;

/// <summary>What a <see cref="SandboxHost"/> serves.</summary>
public sealed class SandboxHostOptions
{
    /// <summary>The business clock of every sandbox (a <see cref="SandboxClock"/> lets tests move time).</summary>
    public TimeProvider Clock { get; set; } = new SandboxClock();

    public ShopeeSandboxOptions Shopee { get; set; } = new();

    public LazadaSandboxOptions Lazada { get; set; } = new();

    public TikTokSandboxOptions TikTok { get; set; } = new();

    public ShoplineSandboxOptions Shopline { get; set; } = new();

    /// <summary>The platforms to mount (each at <c>/sandbox/{platform}</c>).</summary>
    public ISet<Platform> Platforms { get; set; } = new HashSet<Platform> { Platform.Shopee };
}

/// <summary>A Kestrel server on 127.0.0.1 and a free port hosting the chosen sandboxes, for tests and benchmarks.</summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri address, ShopeeSandbox shopee, TimeProvider clock)
    {
        _app = app;
        BaseAddress = address;
        Shopee = shopee;
        Clock = clock;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }

    public TimeProvider Clock { get; }

    public ShopeeSandbox Shopee { get; }

    /// <summary>Served at <c>/sandbox/lazada</c> when <see cref="SandboxHostOptions.Platforms"/> holds Lazada (connector BaseUrl: <c>{BaseUrl}/rest</c>).</summary>
    public LazadaSandbox Lazada { get; private init; } = null!;

    /// <summary>Served at <c>/sandbox/tiktok</c> when <see cref="SandboxHostOptions.Platforms"/> holds TikTok (BaseUrl, AuthBaseUrl: <c>{BaseUrl}</c>).</summary>
    public TikTokSandbox TikTok { get; private init; } = null!;

    /// <summary>Served at <c>/sandbox/shopline</c> when <see cref="SandboxHostOptions.Platforms"/> holds Shopline (StoreUrlTemplate: <c>{BaseUrl}/{handle}</c>).</summary>
    public ShoplineSandbox Shopline { get; private init; } = null!;

    /// <summary>The base URL a connector of <paramref name="platform"/> uses (its <c>BaseUrl</c> option).</summary>
    public Uri BaseUrl(Platform platform) => new(BaseAddress, $"sandbox/{platform.ToWire()}");

    public static async Task<SandboxHost> StartAsync(SandboxHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxHostOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var shopee = new ShopeeSandbox(options.Shopee, options.Clock);
        builder.Services.AddSingleton(shopee);
        var lazada = new LazadaSandbox(options.Lazada, options.Clock);
        builder.Services.AddSingleton(lazada);
        var tiktok = new TikTokSandbox(options.TikTok, options.Clock);
        builder.Services.AddSingleton(tiktok);
        var shopline = new ShoplineSandbox(options.Shopline, options.Clock);
        builder.Services.AddSingleton(shopline);
        var app = builder.Build();
        if (options.Platforms.Contains(Platform.Shopee)) app.MapShopeeSandbox(ShopeeSandboxEndpoints.DefaultPrefix, shopee);
        if (options.Platforms.Contains(Platform.Lazada)) app.MapLazadaSandbox(LazadaSandboxEndpoints.DefaultPrefix, lazada);
        if (options.Platforms.Contains(Platform.TikTok)) app.MapTikTokSandbox(TikTokSandboxEndpoints.DefaultPrefix, tiktok);
        if (options.Platforms.Contains(Platform.Shopline)) app.MapShoplineSandbox(ShoplineSandboxEndpoints.DefaultPrefix, shopline);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"), shopee, options.Clock) { Lazada = lazada, TikTok = tiktok, Shopline = shopline };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
