using System.Net;
using Microsoft.AspNetCore.Hosting;
using CouponFunctions.Sandbox.Lazada;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Sandbox.Shopline;
using CouponFunctions.Sandbox.TikTok;

namespace CouponFunctions.App.Startup;

/// <summary>
/// Local runs only (Sandbox:Enabled): serves the platform sandboxes on their own Kestrel at Sandbox:Url
/// (default http://127.0.0.1:7072), at /sandbox/{platform}, sharing the sandbox instances the demo seeds.
/// </summary>
internal sealed class SandboxServer(IServiceProvider services, IConfiguration configuration, ILogger<SandboxServer> logger) : IHostedService, IAsyncDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:7072";
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(configuration["Sandbox:Url"] is { Length: > 0 } configured ? configured : DefaultUrl);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(url.Host == "localhost" ? "127.0.0.1" : url.Host), url.Port));
        _app = builder.Build();
        _app.MapShopeeSandbox(ShopeeSandboxEndpoints.DefaultPrefix, services.GetRequiredService<ShopeeSandbox>());
        _app.MapLazadaSandbox(LazadaSandboxEndpoints.DefaultPrefix, services.GetRequiredService<LazadaSandbox>());
        _app.MapTikTokSandbox(TikTokSandboxEndpoints.DefaultPrefix, services.GetRequiredService<TikTokSandbox>());
        _app.MapShoplineSandbox(ShoplineSandboxEndpoints.DefaultPrefix, services.GetRequiredService<ShoplineSandbox>());
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("Platform sandboxes listening at {Url}sandbox/", url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
