using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Platforms.Tests.Shopee;

/// <summary>A Shopee sandbox on loopback with one partner and two shops, and a connector pointed at it (small retry delays).</summary>
internal sealed class ShopeeTestBed : IAsyncDisposable
{
    public const long PartnerId = 2_001_234;
    public const string PartnerKey = "sandbox-partner-key-0123456789";
    public const long ShopA = 500_001;
    public const long ShopB = 500_002;

    private readonly ServiceProvider _services;

    private ShopeeTestBed(SandboxHost host, SandboxClock clock, ServiceProvider services)
    {
        Host = host;
        Clock = clock;
        _services = services;
    }

    public SandboxHost Host { get; }

    public SandboxClock Clock { get; }

    public ShopeeSandbox Sandbox => Host.Shopee;

    public RecordingCallRecorder Recorder { get; } = new();

    public CapturingLogger<ShopeeClient> Logs { get; } = new();

    public IHttpClientFactory HttpClients => _services.GetRequiredService<IHttpClientFactory>();

    public static async Task<ShopeeTestBed> StartAsync()
    {
        var clock = new SandboxClock();
        var host = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = clock });
        host.Shopee.AddPartner(PartnerId, PartnerKey);
        host.Shopee.AddShop(ShopA, "SG", PartnerId);
        host.Shopee.AddShop(ShopB, "VN", PartnerId);
        var services = new ServiceCollection();
        services.AddHttpClient(ShopeeClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient("no-redirect").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        return new ShopeeTestBed(host, clock, services.BuildServiceProvider());
    }

    /// <summary>Options for the sandbox with quick retries and no client-side pacing to speak of.</summary>
    public ShopeeClientOptions Options(Action<ShopeeClientOptions>? configure = null)
    {
        var options = new ShopeeClientOptions
        {
            PartnerId = PartnerId,
            PartnerKey = PartnerKey,
            BaseUrl = Host.BaseUrl(Platform.Shopee),
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

    public ShopeeClient Client(Action<ShopeeClientOptions>? configure = null, TimeProvider? clock = null) =>
        new(Options(configure), HttpClients, clock ?? Clock, Recorder, Logs);

    /// <summary>The raw signed call path, for asking the sandbox things the connector would refuse up front.</summary>
    public ShopeeApi Api(Platform label = Platform.Shopee, Action<ShopeeClientOptions>? configure = null)
    {
        var options = Options(configure);
        var caller = new PlatformCaller(label, ShopeeClient.HttpClientName, options, ShopeeResponseReader.Instance, HttpClients, Clock, Recorder, Logs);
        return new ShopeeApi(options, caller, Clock);
    }

    /// <summary>A connected store with fresh tokens from the sandbox.</summary>
    public StoreConnection Store(long shopId = ShopA)
    {
        var tokens = Sandbox.IssueTokens(PartnerId, shopId);
        return new StoreConnection(TenantId.Parse("t-test"), StoreId.Parse($"s-{shopId}"), Platform.Shopee, shopId == ShopB ? "VN" : "SG", shopId.ToString(),
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt));
    }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ShopeeSandboxVoucher Seed(long shopId, string code, TimeSpan startsIn, TimeSpan lasts, Func<ShopeeSandboxVoucher, ShopeeSandboxVoucher>? shape = null)
    {
        var voucher = new ShopeeSandboxVoucher
        {
            Code = code,
            Name = $"Voucher {code}",
            Start = Now + startsIn,
            End = Now + startsIn + lasts,
            DiscountAmount = 5,
            MinBasketPrice = 50,
        };
        return Sandbox.AddVoucher(shopId, shape is null ? voucher : shape(voucher));
    }

    public ShopeeSandboxVoucher SeedUpcoming(long shopId = ShopA, string code = "UP1") => Seed(shopId, code, TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public ShopeeSandboxVoucher SeedOngoing(long shopId = ShopA, string code = "ON1") => Seed(shopId, code, -TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
