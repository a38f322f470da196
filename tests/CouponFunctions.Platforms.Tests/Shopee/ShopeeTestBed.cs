using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;

namespace CouponFunctions.Platforms.Tests.Shopee;

/// <summary>A Shopee sandbox on loopback with one partner and two shops, and a connector pointed at it (small retry delays).</summary>
internal sealed class ShopeeTestBed : PlatformTestBed<ShopeeClient, ShopeeClientOptions>
{
    public const long PartnerId = 2_001_234;
    public const string PartnerKey = "sandbox-partner-key-0123456789";
    public const long ShopA = 500_001;
    public const long ShopB = 500_002;

    private ShopeeTestBed(SandboxHost host, SandboxClock clock)
        : base(Platform.Shopee, host, clock, ShopeeClient.HttpClientName)
    {
    }

    public ShopeeSandbox Sandbox => Host.Shopee;

    public static async Task<ShopeeTestBed> StartAsync()
    {
        var (host, clock) = await StartHostAsync(Platform.Shopee);
        host.Shopee.AddPartner(PartnerId, PartnerKey);
        host.Shopee.AddShop(ShopA, "SG", PartnerId);
        host.Shopee.AddShop(ShopB, "VN", PartnerId);
        return new ShopeeTestBed(host, clock);
    }

    /// <summary>The raw signed call path, for asking the sandbox things the connector would refuse up front.</summary>
    public ShopeeApi Api(Platform label = Platform.Shopee, Action<ShopeeClientOptions>? configure = null)
    {
        var options = Options(configure);
        return new ShopeeApi(options, Caller(label, options, ShopeeResponseReader.Instance), Clock);
    }

    /// <summary>A connected store with fresh tokens from the sandbox.</summary>
    public StoreConnection Store(long shopId = ShopA)
    {
        var tokens = Sandbox.IssueTokens(PartnerId, shopId);
        return Connection(shopId.ToString(), shopId == ShopB ? "VN" : "SG", shopId.ToString(),
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt));
    }

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

    protected override ShopeeClientOptions SandboxOptions() => new()
    {
        PartnerId = PartnerId,
        PartnerKey = PartnerKey,
        BaseUrl = Host.BaseUrl(Platform.Shopee),
    };

    protected override ShopeeClient CreateClient(ShopeeClientOptions options, TimeProvider clock) => new(options, HttpClients, clock, Recorder, Logs);
}
