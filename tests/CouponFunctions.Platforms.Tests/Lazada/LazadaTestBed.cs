using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Lazada;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Platforms.Tests.Lazada;

/// <summary>A Lazada sandbox on loopback (Shopee mounted beside it) with one app and sellers in SG, VN and PH, and a
/// connector pointed at it through the one sandbox base URL (small retry delays).</summary>
internal sealed class LazadaTestBed : IAsyncDisposable
{
    public const string AppKey = "112233";
    public const string AppSecret = "sandbox-lazada-app-secret-0123456789";
    public const long SellerSg = 100_200_301;
    public const long SellerVn = 100_200_302;
    public const long SellerPh = 100_200_303;

    private static readonly Dictionary<long, string> Sites = new() { [SellerSg] = "SG", [SellerVn] = "VN", [SellerPh] = "PH" };

    private readonly ServiceProvider _services;

    private LazadaTestBed(SandboxHost host, SandboxClock clock, ServiceProvider services)
    {
        Host = host;
        Clock = clock;
        _services = services;
    }

    public SandboxHost Host { get; }

    public SandboxClock Clock { get; }

    public LazadaSandbox Sandbox => Host.Lazada;

    public RecordingCallRecorder Recorder { get; } = new();

    public CapturingLogger<LazadaClient> Logs { get; } = new();

    public IHttpClientFactory HttpClients => _services.GetRequiredService<IHttpClientFactory>();

    /// <summary>The one base URL of the sandbox's REST APIs (every country, and the token APIs).</summary>
    public Uri RestUrl => new($"{Host.BaseUrl(Platform.Lazada)}/rest");

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static async Task<LazadaTestBed> StartAsync()
    {
        var clock = new SandboxClock();
        var host = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = clock, Platforms = new HashSet<Platform> { Platform.Lazada, Platform.Shopee } });
        host.Lazada.AddApp(AppKey, AppSecret);
        foreach (var (seller, site) in Sites) host.Lazada.AddSeller(seller, site, AppKey);
        var services = new ServiceCollection();
        services.AddHttpClient(LazadaClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient("no-redirect").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        return new LazadaTestBed(host, clock, services.BuildServiceProvider());
    }

    /// <summary>Options for the sandbox with quick retries and no client-side pacing to speak of.</summary>
    public LazadaClientOptions Options(Action<LazadaClientOptions>? configure = null)
    {
        var options = new LazadaClientOptions
        {
            AppKey = AppKey,
            AppSecret = AppSecret,
            BaseUrl = RestUrl,
            UseBaseUrlForAllSites = true,
            AuthBaseUrl = RestUrl,
            AuthorizeUrl = new Uri($"{Host.BaseUrl(Platform.Lazada)}/oauth/authorize"),
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

    public LazadaClient Client(Action<LazadaClientOptions>? configure = null, TimeProvider? clock = null) =>
        new(Options(configure), HttpClients, clock ?? Clock, Recorder, Logs);

    /// <summary>The raw signed call path, for asking the sandbox what the connector would refuse up front.</summary>
    public Task<PlatformResult<JsonElement>> RawAsync(StoreConnection store, HttpMethod method, string path, params (string Key, string Value)[] parameters)
    {
        var options = Options(o => o.MaxRetries = 0);
        var caller = new PlatformCaller(Platform.Lazada, LazadaClient.HttpClientName, options, LazadaResponseReader.Instance, HttpClients, Clock, Recorder, Logs);
        return new LazadaApi(options, caller, Clock).SellerCallAsync(store, method, path,
            parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList(), RetryMode.Safe, e => e, CancellationToken.None);
    }

    /// <summary>A connected store with fresh tokens from the sandbox.</summary>
    public StoreConnection Store(long sellerId = SellerSg)
    {
        var tokens = Sandbox.IssueTokens(AppKey, sellerId);
        return new StoreConnection(TenantId.Parse("t-test"), StoreId.Parse($"s-{sellerId}"), Platform.Lazada, Sites[sellerId], sellerId.ToString(),
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt));
    }

    public LazadaSandboxVoucher Seed(long sellerId, string name, TimeSpan startsIn, TimeSpan lasts, Func<LazadaSandboxVoucher, LazadaSandboxVoucher>? shape = null)
    {
        var voucher = new LazadaSandboxVoucher
        {
            Name = name,
            Start = Now + startsIn,
            End = Now + startsIn + lasts,
            MoneyValueOff = 5,
            CriteriaOverMoney = 50,
        };
        return Sandbox.AddVoucher(sellerId, shape is null ? voucher : shape(voucher));
    }

    public LazadaSandboxVoucher SeedUpcoming(long sellerId = SellerSg, string name = "Upcoming") => Seed(sellerId, name, TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public LazadaSandboxVoucher SeedOngoing(long sellerId = SellerSg, string name = "Ongoing") => Seed(sellerId, name, -TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
