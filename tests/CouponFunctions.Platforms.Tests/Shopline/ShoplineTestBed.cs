using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Shopline;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopline;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Platforms.Tests.Shopline;

/// <summary>A SHOPLINE sandbox on loopback with one app installed on two stores (SGD and TWD), and a connector pointed at it.</summary>
internal sealed class ShoplineTestBed : IAsyncDisposable
{
    public const string AppKey = "sl-app-key-123";
    public const string AppSecret = "sandbox-shopline-secret-0123456789";
    public const string StoreA = "alpha-sg";
    public const string StoreB = "beta-tw";

    private readonly ServiceProvider _services;

    private ShoplineTestBed(SandboxHost host, SandboxClock clock, ServiceProvider services)
    {
        Host = host;
        Clock = clock;
        _services = services;
    }

    public SandboxHost Host { get; }

    public SandboxClock Clock { get; }

    public ShoplineSandbox Sandbox => Host.Shopline;

    public RecordingCallRecorder Recorder { get; } = new();

    public CapturingLogger<ShoplineClient> Logs { get; } = new();

    public IHttpClientFactory HttpClients => _services.GetRequiredService<IHttpClientFactory>();

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The root of a store in the sandbox, as its own host would be.</summary>
    public string StoreRoot(string handle) => $"{Host.BaseUrl(Platform.Shopline)}/{handle}";

    public static async Task<ShoplineTestBed> StartAsync()
    {
        var clock = new SandboxClock();
        var host = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = clock, Platforms = new HashSet<Platform> { Platform.Shopline } });
        host.Shopline.AddApp(AppKey, AppSecret);
        host.Shopline.AddStore(StoreA, "SGD", AppKey);
        host.Shopline.AddStore(StoreB, "TWD", AppKey);
        var services = new ServiceCollection();
        services.AddHttpClient(ShoplineClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient("no-redirect").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        return new ShoplineTestBed(host, clock, services.BuildServiceProvider());
    }

    /// <summary>Options for the sandbox with quick retries and no client-side pacing to speak of.</summary>
    public ShoplineClientOptions Options(Action<ShoplineClientOptions>? configure = null)
    {
        var options = new ShoplineClientOptions
        {
            AppKey = AppKey,
            AppSecret = AppSecret,
            StoreUrlTemplate = $"{Host.BaseUrl(Platform.Shopline)}/{{handle}}",
            AppQps = 10_000,
            AppBurst = 1_000,
            ShopQps = 10_000,
            ShopBurst = 1_000,
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            Timeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    public ShoplineClient Client(Action<ShoplineClientOptions>? configure = null, TimeProvider? clock = null) =>
        new(Options(configure), HttpClients, clock ?? Clock, Recorder, Logs);

    /// <summary>A connected store with a fresh 10-hour token from the sandbox.</summary>
    public StoreConnection Store(string handle = StoreA)
    {
        var token = Sandbox.IssueToken(AppKey, handle);
        return new StoreConnection(TenantId.Parse("t-test"), StoreId.Parse($"s-{handle}"), Platform.Shopline, handle == StoreB ? "TW" : "SG", handle,
            new StoreCredentials(token.AccessToken, token.ExpiresAt));
    }

    /// <summary>A fixed-amount rule from now + <paramref name="startsIn"/> for <paramref name="lasts"/>, with one code.</summary>
    public ShoplineSandboxPriceRule Seed(string handle, string code, TimeSpan startsIn, TimeSpan lasts, Func<ShoplineSandboxPriceRule, ShoplineSandboxPriceRule>? shape = null)
    {
        var rule = new ShoplineSandboxPriceRule { Title = $"Rule {code}", Value = 5, StartsAt = Now + startsIn, EndsAt = Now + startsIn + lasts, UsageLimit = 100 };
        return Sandbox.AddPriceRule(handle, shape is null ? rule : shape(rule), code);
    }

    public ShoplineSandboxPriceRule SeedUpcoming(string code = "UP1") => Seed(StoreA, code, TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public ShoplineSandboxPriceRule SeedOngoing(string code = "ON1", string handle = StoreA) => Seed(handle, code, -TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public ShoplineSandboxPriceRule SeedEnded(string code = "OLD1") => Seed(StoreA, code, -TimeSpan.FromDays(10), TimeSpan.FromDays(2));

    public CouponDraft Draft(string code) => new()
    {
        Name = $"Draft {code}",
        Code = code,
        Reward = RewardType.FixedAmount,
        DiscountAmount = 10,
        MinSpend = 60,
        TotalQuantity = 100,
        ValidFrom = Now.AddHours(1),
        ValidTo = Now.AddDays(7),
    };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
