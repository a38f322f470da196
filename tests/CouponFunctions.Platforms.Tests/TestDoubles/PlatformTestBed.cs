using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Common;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Sandbox.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>
/// What every platform test bed shares: a sandbox host on loopback run by a <see cref="SandboxClock"/>, the named HTTP
/// clients, a recorder and a log for the connector, and connector options with quick retries and no pacing to speak of.
/// A platform's bed adds its sandbox, its seeded apps and shops, and how a connected store and a seeded coupon look.
/// </summary>
internal abstract class PlatformTestBed<TClient, TOptions> : IAsyncDisposable
    where TClient : IPlatformConnector
    where TOptions : PlatformClientOptions
{
    private const string NoRedirectClientName = "no-redirect";

    private readonly Platform _platform;
    private readonly string _httpClientName;
    private readonly ServiceProvider _services;

    protected PlatformTestBed(Platform platform, SandboxHost host, SandboxClock clock, string httpClientName)
    {
        _platform = platform;
        _httpClientName = httpClientName;
        Host = host;
        Clock = clock;
        var services = new ServiceCollection();
        // The connector times each attempt itself (Options().Timeout); the HttpClient must not cut in first.
        services.AddHttpClient(httpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient(NoRedirectClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        _services = services.BuildServiceProvider();
    }

    public SandboxHost Host { get; }

    /// <summary>The sandboxes' clock, also the connector's unless a test gives <see cref="Client"/> another.</summary>
    public SandboxClock Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public RecordingCallRecorder Recorder { get; } = new();

    public CapturingLogger<TClient> Logs { get; } = new();

    public IHttpClientFactory HttpClients => _services.GetRequiredService<IHttpClientFactory>();

    /// <summary>An HTTP client that does not follow redirects, to read where an authorization page sends the browser.</summary>
    public HttpClient NoRedirectClient() => HttpClients.CreateClient(NoRedirectClientName);

    /// <summary>Options for the sandbox with quick retries and no client-side pacing to speak of.</summary>
    public TOptions Options(Action<TOptions>? configure = null)
    {
        var options = SandboxOptions();
        options.AppQps = 10_000;
        options.AppBurst = 1_000;
        options.ShopQps = 10_000;
        options.ShopBurst = 1_000;
        options.MaxRetries = 3;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.MaxRetryDelay = TimeSpan.FromSeconds(2);
        options.Timeout = TimeSpan.FromSeconds(5);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The connector under test, on <see cref="Options"/>, reporting to <see cref="Recorder"/> and <see cref="Logs"/>.</summary>
    public TClient Client(Action<TOptions>? configure = null, TimeProvider? clock = null) => CreateClient(Options(configure), clock ?? Clock);

    /// <summary>A fixed-amount draft named and coded <paramref name="code"/>; see <see cref="FixedAmountDraft"/>.</summary>
    public CouponDraft Draft(string code) => FixedAmountDraft($"Draft {code}", code);

    /// <summary>A draft of 10 off a 60 spend, <paramref name="quantity"/> to give, valid from an hour from now for a week.</summary>
    public CouponDraft FixedAmountDraft(string name, string? code = null, int quantity = 100) => new()
    {
        Name = name,
        Code = code,
        Reward = RewardType.FixedAmount,
        DiscountAmount = 10,
        MinSpend = 60,
        TotalQuantity = quantity,
        ValidFrom = Now.AddHours(1),
        ValidTo = Now.AddDays(7),
    };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>A sandbox host on loopback serving <paramref name="platforms"/>, on a clock of its own.</summary>
    protected static async Task<(SandboxHost Host, SandboxClock Clock)> StartHostAsync(params Platform[] platforms)
    {
        var clock = new SandboxClock();
        var host = await SandboxHost.StartAsync(new SandboxHostOptions { Clock = clock, Platforms = new HashSet<Platform>(platforms) });
        return (host, clock);
    }

    /// <summary>The platform's app credentials and addresses in the sandbox; <see cref="Options"/> adds the quick retries.</summary>
    protected abstract TOptions SandboxOptions();

    protected abstract TClient CreateClient(TOptions options, TimeProvider clock);

    /// <summary>A store of the test tenant (id <c>s-{storeKey}</c>) connected to the platform's shop <paramref name="shopId"/>.</summary>
    protected StoreConnection Connection(string storeKey, string site, string shopId, StoreCredentials credentials) =>
        new(TenantId.Parse("t-test"), StoreId.Parse($"s-{storeKey}"), _platform, site, shopId, credentials);

    /// <summary>The connector's bare signed call path under the label <paramref name="label"/>, for calls the connector would refuse up front.</summary>
    protected PlatformCaller Caller(Platform label, TOptions options, IPlatformResponseReader reader) =>
        new(label, _httpClientName, options, reader, HttpClients, Clock, Recorder, Logs);
}
