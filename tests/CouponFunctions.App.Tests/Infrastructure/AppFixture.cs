using System.Net.Http.Headers;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Lazada;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.App.Tests.Infrastructure;

/// <summary>
/// The real app: its built worker started by the local Functions host (one process pair per fixture, shared by the
/// fixture's tests), over Azurite, its Shopee and Lazada connectors pointed at sandboxes served from this test process on
/// loopback. The sandboxes keep real time (the worker has its own clock). Tests use a fresh tenant and fresh shop ids;
/// storage is read and tenants are bootstrapped here through the same Storage and Core code the app uses.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    public const long PartnerId = 2_009_001;
    public const string PartnerKey = "sync-test-partner-key-0123456789";
    public const string LazadaKey = "112233";
    public const string LazadaSecret = "lazada-sandbox-secret-for-tests";
    public const string AdminPublicUrl = "https://coupons.example.net/admin/";

    /// <summary>Never within a test run: the yearly NCRONTAB occurrence at 00:00:00 on 1 January.</summary>
    public const string Never = AppHostSettings.Never;

    private ServiceProvider? _services;

    public AzuriteFixture Azurite { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public ShopeeSandbox Shopee => Sandbox.Shopee;

    public LazadaSandbox Lazada => Sandbox.Lazada;

    public LocalFunctionHost Host { get; private set; } = null!;

    /// <summary>A fake Azure Communication Services endpoint on loopback (the fixtures that set Notifications:Sms:Sink=acs send SMS there).</summary>
    public FakeAcsServer Acs { get; private set; } = null!;

    /// <summary>Storage and Core services of this test process over the app's storage (bootstrap, table reads).</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not started.");

    public TableServiceClient Tables => Services.GetRequiredService<TableServiceClient>();

    public QueueServiceClient Queues => Services.GetRequiredService<QueueServiceClient>();

    /// <summary>The fixture's own settings over the common ones (timer schedules, lease lengths).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Names the host's log file in test-artifacts.</summary>
    protected abstract string Name { get; }

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Platforms = new HashSet<Platform> { Platform.Shopee, Platform.Lazada } });
        Shopee.AddPartner(PartnerId, PartnerKey);
        Lazada.AddApp(LazadaKey, LazadaSecret);
        Acs = await FakeAcsServer.StartAsync(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var settings = AppSettings();
        _services = AppHostSettings.StorageServices(settings);
        Host = await LocalFunctionHost.StartAsync(BuildOutput.Find("CouponFunctions.App", "CouponFunctions.App.dll"), settings, Name);
        await AppHostSettings.WaitUntilHealthyAsync(Host);
    }

    /// <summary>Kills the host and the worker at once (a crash) and starts them again.</summary>
    public async Task CrashAndRestartAsync()
    {
        Host.Kill();
        await Host.RestartAsync();
        await AppHostSettings.WaitUntilHealthyAsync(Host);
    }

    /// <summary>An API client without a key; <paramref name="redirects"/> false to see redirects.</summary>
    public HttpClient Client(bool redirects = true) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = redirects, UseProxy = false }) { BaseAddress = Host.BaseUrl, Timeout = TimeSpan.FromSeconds(100) };

    public HttpClient WithKey(string key)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A new tenant with an admin key, bootstrapped the way the product does it.</summary>
    public Task<(TenantId Tenant, string AdminKey)> NewTenantAsync() =>
        AppHostSettings.NewTenantAsync(Services, TenantId.Parse(Azurite.UniqueName("t")), "Test tenant");

    /// <summary>A new tenant, its admin client and helpers for its stores.</summary>
    public async Task<Workspace> NewWorkspaceAsync()
    {
        var (tenant, key) = await NewTenantAsync();
        return new Workspace(this, tenant, key);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Sandbox is not null) await Sandbox.DisposeAsync();
        if (Acs is not null) await Acs.DisposeAsync();
        if (_services is not null) await _services.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private Dictionary<string, string> AppSettings()
    {
        var settings = AppHostSettings.For(
            Azurite.ConnectionString, Sandbox, new SandboxPartners(PartnerId, PartnerKey, LazadaKey, LazadaSecret), hostId: Name, AdminPublicUrl);
        foreach (var (key, value) in Settings) settings[key] = value;
        return settings;
    }
}

/// <summary>The fixture most tests share: timers never fire on their own (except StartDueSends, which only starts sends a test
/// made due); queue work runs as the app enqueues it; customer SMS go to the fake ACS endpoint (and the outbox's sent-log).</summary>
public sealed class AppHostFixture : AppFixture
{
    protected override string Name => "app-tests";

    /// <summary>A failed message is visible again at once (host.json waits 10 s), so its retries and poison come quickly.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00",
        ["StartDueSendsSchedule"] = "*/2 * * * * *",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:01",
        // Two stores per platform at once, so a deploy to five stores runs in waves a cancel can overtake.
        ["Jobs__MaxConcurrentPerPlatform"] = "2",
        // Two coupons per bulk-action batch, so a store's coupons run in several batches one after another.
        ["Jobs__MaxItemsPerBatch"] = "2",
        ["Notifications__Sms__Sink"] = "acs",
        ["Notifications__Acs__ConnectionString"] = Acs.ConnectionString(),
        ["Notifications__Acs__SmsSender"] = "+6580000000",
    };
}

/// <summary>Timers every two seconds: the tests wait for the timers and the queue work they plan.</summary>
public sealed class TimersFixture : AppFixture
{
    protected override string Name => "app-tests-timers";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["SyncCouponsSchedule"] = "*/2 * * * * *",
        ["InspectCouponsSchedule"] = "*/2 * * * * *",
        ["RefreshTokensSchedule"] = "*/2 * * * * *",
    };
}

/// <summary>Short sync leases, so a run that died holding one is taken over within the test; sends paced to 2 emails a
/// second (waves of 6 every 3 s), so a send of a few dozen recipients is still running when a test kills the host.</summary>
public sealed class CrashFixture : AppFixture
{
    protected override string Name => "app-tests-crash";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Sync__LeaseDuration"] = "00:00:05",
        ["StartDueSendsSchedule"] = "*/2 * * * * *",
        ["Sends__Pacing__Email__PerMinute"] = "120",
        ["Sends__Pacing__Email__PerHour"] = "100000",
        ["Sends__Pacing__BatchSize"] = "2",
        ["Sends__Pacing__ChunkSize"] = "10",
        // A deploy cut off by the kill looks for the coupon it may have created for this long, then creates it.
        ["Jobs__CreateSettleTime"] = "00:00:03",
        // Durable work items a killed worker held come back after 15 s (5 minutes by default).
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:01",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = "00:00:15",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = "00:00:15",
    };
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "app";
}

[CollectionDefinition(Name)]
public sealed class TimersCollection : ICollectionFixture<TimersFixture>
{
    public const string Name = "timers";
}

[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<CrashFixture>
{
    public const string Name = "crash";
}
