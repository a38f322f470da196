using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>
/// The real app as a user reaches it: the built worker started by the local Functions host (tools/CouponFunctions.LocalHost)
/// on a loopback port over the shared Azurite, its Shopee connector pointed at a sandbox served from this test process;
/// a tenant with an admin key whose stores were synced and inspected through the real queues and functions (see
/// <see cref="Workspace"/>); and Debian's Chromium driven by Playwright (never a downloaded browser) at the host's URL.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const long PartnerId = 2_019_001;
    public const string PartnerKey = "browser-test-partner-key-0123456789";

    /// <summary>The admin page's path on the host (the host keeps /admin for itself).</summary>
    public const string AdminPath = "/api/admin/";

    private readonly AzuriteFixture _azurite = new();
    private ServiceProvider? _services;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl => Host.BaseUrl;

    public string AdminKey { get; private set; } = null!;

    public TenantId Tenant { get; private set; }

    /// <summary>This process's Storage services over the app's storage (tenant bootstrap, the app's queues).</summary>
    public IServiceProvider Services => _services!;

    public SandboxHost Sandbox { get; private set; } = null!;

    public LocalFunctionHost Host { get; private set; } = null!;

    /// <summary>An API client with the admin key (X-Api-Key).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public Workspace Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Sandbox = await SandboxHost.StartAsync();
        Sandbox.Shopee.AddPartner(PartnerId, PartnerKey);
        var settings = AppHostSettings.For(_azurite.ConnectionString, Sandbox, new SandboxPartners(PartnerId, PartnerKey), hostId: "browser-tests");
        settings["Platforms__Shopee__MaxRetries"] = "1";
        // As in the app's tests: the timer only starts sends that are due, and a test makes one due by moving its time.
        settings["StartDueSendsSchedule"] = "*/2 * * * * *";
        _services = AppHostSettings.StorageServices(settings);
        Host = await LocalFunctionHost.StartAsync(BuildOutput.Find("CouponFunctions.App", "CouponFunctions.App.dll"), settings, "browser-tests");
        await AppHostSettings.WaitUntilHealthyAsync(Host);
        (Tenant, AdminKey) = await AppHostSettings.NewTenantAsync(Services, TenantId.Parse(_azurite.UniqueName("t")), "Browser test tenant");
        Admin = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Host.BaseUrl, Timeout = TimeSpan.FromSeconds(100) };
        Admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
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
        await page.GotoAsync(AdminPath + hash);
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
        if (Host is not null) await Host.DisposeAsync();
        if (Sandbox is not null) await Sandbox.DisposeAsync();
        if (_services is not null) await _services.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
