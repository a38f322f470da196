using System.Net;
using CouponFunctions.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>A host app on a loopback port that registers and maps the sandboxes the way the Functions host does
/// (<c>AddPlatformSandboxes</c>, <c>MapPlatformSandboxes</c>), with an HTTP client factory for the connector under test.</summary>
internal sealed class SandboxWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxWebApp(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>http://127.0.0.1:{port}, without a trailing slash; the sandboxes sit under <c>/sandbox/{platform}</c>.</summary>
    public string Address { get; }

    public IServiceProvider Services => _app.Services;

    public IHttpClientFactory HttpClients => Services.GetRequiredService<IHttpClientFactory>();

    /// <summary>Starts the app; <paramref name="register"/> runs before <c>AddPlatformSandboxes</c>, as a host's own sandbox options would.</summary>
    public static async Task<SandboxWebApp> StartAsync(Action<IServiceCollection>? register = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        register?.Invoke(builder.Services);
        builder.Services.AddPlatformSandboxes().AddHttpClient();
        var app = builder.Build();
        app.MapPlatformSandboxes();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxWebApp(app, address);
    }

    public Task StopAsync() => _app.StopAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
