using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Lazada;

namespace CouponFunctions.Platforms.Tests.Lazada;

/// <summary>A Lazada sandbox on loopback (Shopee mounted beside it) with one app and sellers in SG, VN and PH, and a
/// connector pointed at it through the one sandbox base URL (small retry delays).</summary>
internal sealed class LazadaTestBed : PlatformTestBed<LazadaClient, LazadaClientOptions>
{
    public const string AppKey = "112233";
    public const string AppSecret = "sandbox-lazada-app-secret-0123456789";
    public const long SellerSg = 100_200_301;
    public const long SellerVn = 100_200_302;
    public const long SellerPh = 100_200_303;

    private static readonly Dictionary<long, string> Sites = new() { [SellerSg] = "SG", [SellerVn] = "VN", [SellerPh] = "PH" };

    private LazadaTestBed(SandboxHost host, SandboxClock clock)
        : base(Platform.Lazada, host, clock, LazadaClient.HttpClientName)
    {
    }

    public LazadaSandbox Sandbox => Host.Lazada;

    /// <summary>The one base URL of the sandbox's REST APIs (every country, and the token APIs).</summary>
    public Uri RestUrl => new($"{Host.BaseUrl(Platform.Lazada)}/rest");

    public static async Task<LazadaTestBed> StartAsync()
    {
        var (host, clock) = await StartHostAsync(Platform.Lazada, Platform.Shopee);
        host.Lazada.AddApp(AppKey, AppSecret);
        foreach (var (seller, site) in Sites) host.Lazada.AddSeller(seller, site, AppKey);
        return new LazadaTestBed(host, clock);
    }

    /// <summary>The raw signed call path, for asking the sandbox what the connector would refuse up front.</summary>
    public Task<PlatformResult<JsonElement>> RawAsync(StoreConnection store, HttpMethod method, string path, params (string Key, string Value)[] parameters)
    {
        var options = Options(o => o.MaxRetries = 0);
        return new LazadaApi(options, Caller(Platform.Lazada, options, LazadaResponseReader.Instance), Clock).SellerCallAsync(store, method, path,
            parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList(), RetryMode.Safe, e => e, CancellationToken.None);
    }

    /// <summary>A connected store with fresh tokens from the sandbox.</summary>
    public StoreConnection Store(long sellerId = SellerSg)
    {
        var tokens = Sandbox.IssueTokens(AppKey, sellerId);
        return Connection(sellerId.ToString(), Sites[sellerId], sellerId.ToString(),
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

    protected override LazadaClientOptions SandboxOptions() => new()
    {
        AppKey = AppKey,
        AppSecret = AppSecret,
        BaseUrl = RestUrl,
        UseBaseUrlForAllSites = true,
        AuthBaseUrl = RestUrl,
        AuthorizeUrl = new Uri($"{Host.BaseUrl(Platform.Lazada)}/oauth/authorize"),
    };

    protected override LazadaClient CreateClient(LazadaClientOptions options, TimeProvider clock) => new(options, HttpClients, clock, Recorder, Logs);
}
