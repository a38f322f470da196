using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Platforms.TikTok;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.TikTok;

namespace CouponFunctions.Platforms.Tests.TikTok;

/// <summary>A TikTok Shop sandbox on loopback with one app, a seller with two shops (SG, VN) and another seller's shop
/// (MY), and a connector pointed at it (small retry delays).</summary>
internal sealed class TikTokTestBed : PlatformTestBed<TikTokClient, TikTokClientOptions>
{
    public const string AppKey = "6a1b2c3d4e5f6";
    public const string AppSecret = "sandbox-app-secret-0123456789";
    public const string ServiceId = "7001";
    public const string SellerA = "seller-a";
    public const string ShopA = "7494000000000000001";
    public const string ShopB = "7494000000000000002";
    public const string OtherSellersShop = "7494000000000000009";
    public static readonly Uri RedirectUri = new("https://app.example/tiktok/callback");

    private TikTokTestBed(SandboxHost host, SandboxClock clock)
        : base(Platform.TikTok, host, clock, TikTokClient.HttpClientName)
    {
    }

    public TikTokSandbox Sandbox => Host.TikTok;

    public static async Task<TikTokTestBed> StartAsync()
    {
        var (host, clock) = await StartHostAsync(Platform.TikTok);
        host.TikTok.AddApp(AppKey, AppSecret, ServiceId, RedirectUri);
        host.TikTok.AddShop(ShopA, "SG", SellerA, AppKey, "Alpha SG");
        host.TikTok.AddShop(ShopB, "VN", SellerA, AppKey, "Alpha VN");
        host.TikTok.AddShop(OtherSellersShop, "MY", "seller-b", AppKey);
        return new TikTokTestBed(host, clock);
    }

    /// <summary>A connected store of the seller who owns <paramref name="shopId"/>, with fresh tokens and the shop's cipher.</summary>
    public StoreConnection Store(string shopId = ShopA)
    {
        var shop = Sandbox.Shop(shopId);
        var tokens = Sandbox.IssueTokens(AppKey, shop.SellerId);
        return Connection(shopId[^4..], shop.Region, shopId,
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt, shop.Cipher));
    }

    /// <summary>A fixed-amount coupon whose claim and redemption windows both run from now + <paramref name="startsIn"/> for <paramref name="lasts"/>.</summary>
    public TikTokSandboxCoupon Seed(string shopId, string title, TimeSpan startsIn, TimeSpan lasts, Func<TikTokSandboxCoupon, TikTokSandboxCoupon>? shape = null)
    {
        var coupon = new TikTokSandboxCoupon
        {
            Title = title,
            ReductionAmount = 5,
            MinSpend = 30,
            ClaimStart = Now + startsIn,
            ClaimEnd = Now + startsIn + lasts,
            RedemptionStart = Now + startsIn,
            RedemptionEnd = Now + startsIn + lasts,
            TotalClaimLimit = 100,
            SingleBuyerClaimLimit = 1,
        };
        return Sandbox.AddCoupon(shopId, shape is null ? coupon : shape(coupon));
    }

    public TikTokSandboxCoupon SeedOngoing(string shopId = ShopA, string title = "Ongoing") => Seed(shopId, title, -TimeSpan.FromDays(1), TimeSpan.FromDays(7));

    protected override TikTokClientOptions SandboxOptions()
    {
        var baseUrl = Host.BaseUrl(Platform.TikTok);
        return new TikTokClientOptions
        {
            AppKey = AppKey,
            AppSecret = AppSecret,
            ServiceId = ServiceId,
            BaseUrl = baseUrl,
            AuthBaseUrl = baseUrl,
            AuthorizePageUrl = new Uri(baseUrl.AbsoluteUri + "/open/authorize"),
        };
    }

    protected override TikTokClient CreateClient(TikTokClientOptions options, TimeProvider clock) => new(options, HttpClients, clock, Recorder, Logs);
}
