using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Lazada;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Sandbox.Shopline;
using CouponFunctions.Sandbox.TikTok;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Platforms;

/// <summary>One benchmark store: where it is, its tokens, and how many coupons of each normalised status it holds.</summary>
internal sealed record FleetStore(string Key, Platform Platform, string Site, string ShopId, StoreCredentials Credentials, IReadOnlyDictionary<CouponStatus, int> Seeded);

/// <summary>
/// Seeds the sandboxes with benchmark stores through their own seeding APIs: every platform's statuses in a fixed mix
/// (times days away from now, so no coupon changes status during the run), whole amounts (valid in every currency).
/// </summary>
internal static class ListingFleet
{
    public const long ShopeePartnerId = 2_009_001;
    public const string ShopeePartnerKey = "bench-shopee-partner-key-0123456789";
    public const string LazadaAppKey = "109001";
    public const string LazadaAppSecret = "bench-lazada-app-secret-0123456789";
    public const string TikTokAppKey = "6bench9001";
    public const string TikTokAppSecret = "bench-tiktok-app-secret-0123456789";
    public const string ShoplineAppKey = "bench-shopline-app";
    public const string ShoplineAppSecret = "bench-shopline-app-secret-0123456789";

    private static readonly Dictionary<Platform, string[]> SitesOf = new()
    {
        [Platform.Shopee] = ["SG", "MY", "TH", "VN", "PH"],
        [Platform.Lazada] = ["SG", "MY", "PH", "TH", "ID"],
        [Platform.TikTok] = ["SG", "MY", "TH", "VN", "PH"],
        [Platform.Shopline] = ["TW", "HK", "SG", "MY"],
    };

    /// <summary>The connectors' settings as the handler reads them, pointed at the host; null limits = none to speak of (warm-up).</summary>
    public static Dictionary<string, string?> ConnectorSettings(SandboxHost host, ListingSetup? setup)
    {
        string Url(Platform platform, string path = "") => host.BaseUrl(platform).AbsoluteUri.TrimEnd('/') + path;
        var settings = new Dictionary<string, string?>
        {
            ["Platforms:Shopee:BaseUrl"] = Url(Platform.Shopee),
            ["Platforms:Shopee:PartnerId"] = ShopeePartnerId.ToString(CultureInfo.InvariantCulture),
            ["Platforms:Shopee:PartnerKey"] = ShopeePartnerKey,
            ["Platforms:Lazada:BaseUrl"] = Url(Platform.Lazada, "/rest"),
            ["Platforms:Lazada:UseBaseUrlForAllSites"] = "true",
            ["Platforms:Lazada:AuthBaseUrl"] = Url(Platform.Lazada, "/rest"),
            ["Platforms:Lazada:AppKey"] = LazadaAppKey,
            ["Platforms:Lazada:AppSecret"] = LazadaAppSecret,
            ["Platforms:TikTok:BaseUrl"] = Url(Platform.TikTok),
            ["Platforms:TikTok:AuthBaseUrl"] = Url(Platform.TikTok),
            ["Platforms:TikTok:AppKey"] = TikTokAppKey,
            ["Platforms:TikTok:AppSecret"] = TikTokAppSecret,
            // What the product does: claims and uses come from one detail read per coupon.
            ["Platforms:TikTok:FetchUsageStats"] = "true",
            ["Platforms:Shopline:StoreUrlTemplate"] = Url(Platform.Shopline, "/{handle}"),
            ["Platforms:Shopline:AppKey"] = ShoplineAppKey,
            ["Platforms:Shopline:AppSecret"] = ShoplineAppSecret,
        };
        foreach (var platform in new[] { Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline })
        {
            var name = platform switch { Platform.Shopee => "Shopee", Platform.Lazada => "Lazada", Platform.TikTok => "TikTok", _ => "Shopline" };
            var limits = setup?.For(platform);
            settings[$"Platforms:{name}:AppQps"] = (limits?.AppQps ?? 100_000).ToString(CultureInfo.InvariantCulture);
            settings[$"Platforms:{name}:ShopQps"] = (limits?.ShopQps ?? 100_000).ToString(CultureInfo.InvariantCulture);
            if (limits is null) settings[$"Platforms:{name}:AppBurst"] = settings[$"Platforms:{name}:ShopBurst"] = "100000";
        }
        return settings;
    }

    /// <summary>The connectors as the handler registers them, pointed at the host; null limits = none to speak of (warm-up).</summary>
    public static ServiceProvider Connectors(SandboxHost host, ListingSetup? setup, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ConnectorSettings(host, setup)).Build();
        var services = new ServiceCollection();
        configure?.Invoke(services);
        return services.AddPlatformConnectors(configuration).BuildServiceProvider();
    }

    /// <summary>
    /// Warms the sandboxes up (their code's first calls, their sockets) on stores of their own, as the platforms they stand
    /// for are warm: a store of 120 coupons a platform (numbered from 1,000, so no measured store's), listed and one coupon
    /// read through connectors of this process, with no limits. Reset the sandboxes' counters and set their limits after it.
    /// </summary>
    public static async Task WarmUpAsync(SandboxHost host, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stores = new[] { Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline }.SelectMany(p => Seed(host, p, 1_000, 1, 120, now));
        using var services = Connectors(host, null);
        var connectors = services.GetRequiredService<IPlatformConnectors>();
        await Task.WhenAll(stores.Select(async store =>
        {
            var connector = connectors.For(store.Platform);
            var connection = new StoreConnection(TenantId.Parse("t-warm"), StoreId.Parse($"s-{store.Key}"), store.Platform, store.Site, store.ShopId, store.Credentials);
            string? any = null;
            await foreach (var page in connector.ListCouponsAsync(connection, cancellationToken)) any ??= page.FirstOrDefault()?.PlatformCouponId;
            if (any is not null) await connector.GetCouponAsync(connection, any, cancellationToken);
        }));
    }

    public static void RegisterApps(SandboxHost host)
    {
        host.Shopee.AddPartner(ShopeePartnerId, ShopeePartnerKey);
        host.Lazada.AddApp(LazadaAppKey, LazadaAppSecret);
        host.TikTok.AddApp(TikTokAppKey, TikTokAppSecret);
        host.Shopline.AddApp(ShoplineAppKey, ShoplineAppSecret);
    }

    /// <summary>Adds <paramref name="count"/> stores of <paramref name="platform"/> numbered from <paramref name="first"/>.</summary>
    public static List<FleetStore> Seed(SandboxHost host, Platform platform, int first, int count, int coupons, DateTimeOffset now) =>
        [.. Enumerable.Range(first, count).Select(n => platform switch
        {
            Platform.Shopee => Shopee(host.Shopee, n, coupons, now),
            Platform.Lazada => Lazada(host.Lazada, n, coupons, now),
            Platform.TikTok => TikTok(host.TikTok, n, coupons, now),
            _ => Shopline(host.Shopline, n, coupons, now),
        })];

    private static string SiteOf(Platform platform, int n) => SitesOf[platform][n % SitesOf[platform].Length];

    // The status mix of coupon i: 30% upcoming, 50% running, 20% ended.
    private static (DateTimeOffset Start, DateTimeOffset End, CouponStatus Status) Period(int i, DateTimeOffset now) => (i % 10) switch
    {
        < 3 => (now.AddDays(2 + i % 5), now.AddDays(20 + i % 7), CouponStatus.Upcoming),
        < 8 => (now.AddDays(-3 - i % 5), now.AddDays(10 + i % 20), CouponStatus.Ongoing),
        _ => (now.AddDays(-40 - i % 9), now.AddDays(-2 - i % 9), CouponStatus.Ended),
    };

    private static FleetStore Shopee(ShopeeSandbox sandbox, int n, int coupons, DateTimeOffset now)
    {
        var shopId = 900_000_000L + n;
        var site = SiteOf(Platform.Shopee, n);
        sandbox.AddShop(shopId, site, ShopeePartnerId);
        var seeded = new Dictionary<CouponStatus, int>();
        for (var i = 0; i < coupons; i++)
        {
            var (start, end, status) = Period(i, now);
            var percentage = i % 4 == 0;
            sandbox.AddVoucher(shopId, new ShopeeSandboxVoucher
            {
                Code = "B" + (i % 10_000).ToString("0000", CultureInfo.InvariantCulture),
                Name = $"Bench voucher {i}",
                RewardType = percentage ? 2 : 1,
                Percentage = percentage ? 10 : 0,
                MaxPrice = percentage ? 20 : 0,
                DiscountAmount = percentage ? 0 : 5,
                MinBasketPrice = 50,
                UsageQuantity = 500,
                CurrentUsage = i % 500,
                Start = start,
                End = end,
            });
            seeded[status] = seeded.GetValueOrDefault(status) + 1;
        }
        var tokens = sandbox.IssueTokens(ShopeePartnerId, shopId);
        return new($"shopee-{n}", Platform.Shopee, site, shopId.ToString(CultureInfo.InvariantCulture),
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt), seeded);
    }

    private static FleetStore Lazada(LazadaSandbox sandbox, int n, int coupons, DateTimeOffset now)
    {
        var sellerId = 300_000_000L + n;
        var site = SiteOf(Platform.Lazada, n);
        sandbox.AddSeller(sellerId, site, LazadaAppKey);
        var seeded = new Dictionary<CouponStatus, int>();
        for (var i = 0; i < coupons; i++)
        {
            var (start, end, status) = Period(i, now);
            // Of the running ones, some suspended, some deactivated; one in ten is a code voucher (listed separately).
            var suspended = status == CouponStatus.Ongoing && i % 20 == 3;
            var deactivated = status == CouponStatus.Ongoing && i % 20 == 4;
            sandbox.AddVoucher(sellerId, new LazadaSandboxVoucher
            {
                VoucherType = i % 10 == 9 ? "CODE_VOUCHER" : "COLLECTIBLE_VOUCHER",
                VoucherCode = i % 10 == 9 ? $"BENCH{i}" : null,
                Name = $"Bench voucher {i}",
                MoneyValueOff = 5,
                CriteriaOverMoney = 50,
                Start = start,
                End = end,
                Issued = 500,
                OrderUsedBudget = i % 500,
                Suspended = suspended,
                DeactivatedAt = deactivated ? now.AddDays(-1) : null,
            });
            var actual = suspended ? CouponStatus.Paused : deactivated ? CouponStatus.Deactivated : status;
            seeded[actual] = seeded.GetValueOrDefault(actual) + 1;
        }
        var tokens = sandbox.IssueTokens(LazadaAppKey, sellerId);
        return new($"lazada-{n}", Platform.Lazada, site, sellerId.ToString(CultureInfo.InvariantCulture),
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt), seeded);
    }

    private static FleetStore TikTok(TikTokSandbox sandbox, int n, int coupons, DateTimeOffset now)
    {
        var shopId = (7_490_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture);
        var site = SiteOf(Platform.TikTok, n);
        var shop = sandbox.AddShop(shopId, site, $"bench-seller-{n}", TikTokAppKey);
        var seeded = new Dictionary<CouponStatus, int>();
        for (var i = 0; i < coupons; i++)
        {
            var (start, end, status) = Period(i, now);
            var deactivated = status == CouponStatus.Ongoing && i % 20 == 3;
            sandbox.AddCoupon(shopId, new TikTokSandboxCoupon
            {
                Title = $"Bench coupon {i}",
                ReductionAmount = 5,
                MinSpend = 50,
                ClaimStart = start,
                ClaimEnd = end,
                RedemptionStart = start,
                RedemptionEnd = end,
                TotalClaimLimit = 500,
                SingleBuyerClaimLimit = 1,
                ClaimedCount = i % 500,
                RedeemedCount = i % 250,
                Deactivated = deactivated,
            });
            var actual = deactivated ? CouponStatus.Deactivated : status;
            seeded[actual] = seeded.GetValueOrDefault(actual) + 1;
        }
        var tokens = sandbox.IssueTokens(TikTokAppKey, shop.SellerId);
        return new($"tiktok-{n}", Platform.TikTok, site, shopId,
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt, shop.Cipher), seeded);
    }

    private static FleetStore Shopline(ShoplineSandbox sandbox, int n, int coupons, DateTimeOffset now)
    {
        var handle = $"bench-store-{n}";
        var site = SiteOf(Platform.Shopline, n);
        sandbox.AddStore(handle, Sites.Get(site).Currency, ShoplineAppKey);
        var seeded = new Dictionary<CouponStatus, int>();
        for (var i = 0; i < coupons; i++)
        {
            var (start, end, status) = Period(i, now);
            var rule = sandbox.AddPriceRule(handle, new ShoplineSandboxPriceRule
            {
                Title = $"Bench rule {i}",
                Value = 5,
                MinSubtotal = 50,
                StartsAt = start,
                EndsAt = end,
                UsageLimit = 500,
            });
            sandbox.AddDiscountCode(handle, rule.Id, $"BENCH{i}", i % 500);
            seeded[status] = seeded.GetValueOrDefault(status) + 1;
        }
        var token = sandbox.IssueToken(ShoplineAppKey, handle);
        return new($"shopline-{n}", Platform.Shopline, site, handle, new StoreCredentials(token.AccessToken, token.ExpiresAt), seeded);
    }
}
