using System.Globalization;
using System.Security.Cryptography;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>
/// The handler on a real Kestrel port (Chromium needs a socket) over the shared Azurite, running the real function app
/// against a Shopee sandbox that shares its clock; a tenant with an admin key whose stores were synced and inspected
/// through the real functions (see <see cref="Workspace"/>); and Debian's Chromium driven by Playwright (never a
/// downloaded browser).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const long PartnerId = 2_019_001;
    public const string PartnerKey = "browser-test-partner-key-0123456789";

    private readonly AzuriteFixture _azurite = new();
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public string AdminKey { get; private set; } = null!;

    public TenantId Tenant { get; private set; }

    public IServiceProvider Services => _factory!.Services;

    public SandboxClock Clock { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    /// <summary>Messages the app enqueued, for the tests to deliver as the host would.</summary>
    public HostQueue Queue { get; } = new();

    public FunctionHost Functions { get; private set; } = null!;

    /// <summary>An API client with the admin key (X-Api-Key).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public Workspace Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = Clock });
        Sandbox.Shopee.AddPartner(PartnerId, PartnerKey);
        _factory = new AppFactory(_azurite.ConnectionString, Sandbox.BaseUrl(Platform.Shopee), Clock, Queue);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = new Uri(_factory.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority));
        Tenant = TenantId.Parse(_azurite.UniqueName("t"));
        var bootstrap = await Services.GetRequiredService<BootstrapTenantHandler>().HandleAsync(Tenant, "Browser test tenant", issueKey: true);
        AdminKey = bootstrap.IssuedKey!.Text;
        Admin = _factory.CreateClient();
        Admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        Functions = new FunctionHost(_factory.CreateClient());
        Data = await Workspace.SeedAsync(this);

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
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
            Locale = "en-US",
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Opens the admin page at <paramref name="hash"/> signed in with <paramref name="key"/> (the admin key by default).</summary>
    public async Task<IPage> SignedInPageAsync(string hash = "#/stores", string? key = null)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin/" + hash);
        await page.FillAsync("#api-key", key ?? AdminKey);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.Locator("#nav").WaitForAsync();
        return page;
    }

    /// <summary>Issues a key of the tenant with <paramref name="role"/> (viewer, editor, admin), limited to <paramref name="scope"/> if given.</summary>
    public async Task<string> IssueKeyAsync(string role, params string[] scope)
    {
        var body = new { name = $"browser {role}", role, storeScope = scope.Length == 0 ? null : scope };
        using var response = await Admin.PostAsync("/api/keys", System.Net.Http.Json.JsonContent.Create(body));
        response.EnsureSuccessStatusCode();
        var issued = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return issued["key"]!.GetValue<string>();
    }

    /// <summary>test-artifacts/screenshots/ (COUPONFUNCTIONS_ARTIFACTS or the repository root), kept by the test command.</summary>
    public static string ScreenshotPath(string name)
    {
        // The build output may live outside the repository (--artifacts-path): then the root is found from this source file.
        var dir = RepositoryRoot(AppContext.BaseDirectory) ?? RepositoryRoot(Path.GetDirectoryName(SourcePath())!);
        var artifacts = Environment.GetEnvironmentVariable("COUPONFUNCTIONS_ARTIFACTS")
            ?? Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "test-artifacts");
        var folder = Path.Combine(artifacts, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static DirectoryInfo? RepositoryRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CouponFunctions.sln"))) dir = dir.Parent;
        return dir;
    }

    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (Sandbox is not null) await Sandbox.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private sealed class AppFactory(string storage, Uri shopee, TimeProvider clock, IWorkQueue queue) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("FunctionApp:RootPath", Path.Combine(AppContext.BaseDirectory, "RealFunctionApp"));
            builder.UseSetting("CouponStorage", storage);
            builder.UseSetting("Security:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Runner:Enabled", "false");
            builder.UseSetting("Bootstrap:Enabled", "false");
            builder.UseSetting("Auth:KeyCacheSeconds", "0");
            builder.UseSetting("Sync:SpreadWindow", "00:00:00");
            builder.UseSetting("Platforms:Shopee:BaseUrl", shopee.ToString());
            builder.UseSetting("Platforms:Shopee:PartnerId", PartnerId.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Platforms:Shopee:PartnerKey", PartnerKey);
            builder.UseSetting("Platforms:Shopee:AppQps", "1000");
            builder.UseSetting("Platforms:Shopee:ShopQps", "1000");
            builder.UseSetting("Platforms:Shopee:MaxRetries", "1");
            builder.UseSetting("Platforms:Shopee:RetryBaseDelay", "00:00:00.010");
            builder.UseSetting("Platforms:Shopee:Timeout", "00:00:05");
            builder.ConfigureServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton(clock));
                services.Replace(ServiceDescriptor.Singleton(queue));
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
