using System.Security.Cryptography;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>
/// The handler on a real Kestrel port (Chromium needs a socket) over the shared Azurite, a tenant with an admin key,
/// and Debian's Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public string AdminKey { get; private set; } = null!;

    public TenantId Tenant { get; private set; }

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _factory = new AppFactory(_azurite.ConnectionString);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = new Uri(_factory.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority));
        Tenant = TenantId.Parse(_azurite.UniqueName("t"));
        var bootstrap = await Services.GetRequiredService<BootstrapTenantHandler>().HandleAsync(Tenant, "Browser test tenant", issueKey: true);
        AdminKey = bootstrap.IssuedKey!.Text;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from reaching out at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>test-artifacts/screenshots/ (COUPONFUNCTIONS_ARTIFACTS or the repository root), kept by the test command.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CouponFunctions.sln"))) dir = dir.Parent;
        var artifacts = Environment.GetEnvironmentVariable("COUPONFUNCTIONS_ARTIFACTS")
            ?? Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "test-artifacts");
        var folder = Path.Combine(artifacts, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private sealed class AppFactory(string storage) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("CouponStorage", storage);
            builder.UseSetting("Security:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Runner:Enabled", "false");
            builder.UseSetting("Bootstrap:Enabled", "false");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
