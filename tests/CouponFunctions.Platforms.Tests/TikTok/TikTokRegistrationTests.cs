using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Platforms.TikTok;
using CouponFunctions.Sandbox.TikTok;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms.Tests.TikTok;

/// <summary>The TikTok lines of AddPlatformConnectors and AddPlatformSandboxes / MapPlatformSandboxes.</summary>
public sealed class TikTokRegistrationTests
{
    [Fact]
    public void AddPlatformConnectors_TikTokSection_BindsOptionsAndResolvesConnector()
    {
        using var services = ConnectorServices.Build(new()
        {
            ["Platforms:TikTok:AppKey"] = "app-1",
            ["Platforms:TikTok:AuthBaseUrl"] = "http://127.0.0.1:7071/sandbox/tiktok",
            ["Platforms:TikTok:PageSize"] = "30",
            ["Platforms:TikTok:FetchUsageStats"] = "false",
        });

        var connector = services.GetRequiredService<IPlatformConnectors>().For(Platform.TikTok);
        var options = services.GetRequiredService<IOptions<TikTokClientOptions>>().Value;

        Assert.IsType<TikTokClient>(connector);
        Assert.Equal(("app-1", 30, false), (options.AppKey, options.PageSize, options.FetchUsageStats));
        Assert.Equal("http://127.0.0.1:7071/sandbox/tiktok", options.AuthBaseUrl.OriginalString);
    }

    [Fact]
    public async Task MapPlatformSandboxes_InAHostApp_ServesTheRegisteredTikTokSandbox()
    {
        await using var app = await SandboxWebApp.StartAsync();
        var sandbox = app.Services.GetRequiredService<TikTokSandbox>();
        sandbox.AddApp("demo-app", "demo-secret");
        var shop = sandbox.AddShop("7000000000000000070", "MY", appKey: "demo-app");
        var now = TimeProvider.System.GetUtcNow();
        sandbox.AddCoupon(shop.ShopId, new TikTokSandboxCoupon { Title = "Demo", ReductionAmount = 3, ClaimStart = now.AddHours(-1), ClaimEnd = now.AddDays(1), RelativeDays = 3 });
        var tokens = sandbox.IssueTokens("demo-app", shop.SellerId);
        var baseUrl = new Uri($"{app.Address}/sandbox/tiktok");
        var client = new TikTokClient(new TikTokClientOptions { AppKey = "demo-app", AppSecret = "demo-secret", BaseUrl = baseUrl, AuthBaseUrl = baseUrl },
            app.HttpClients, TimeProvider.System, new RecordingCallRecorder(), new CapturingLogger<TikTokClient>());
        var store = new StoreConnection(TenantId.Parse("t-demo"), StoreId.Parse("s-demo"), Platform.TikTok, "MY", shop.ShopId,
            new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt, shop.Cipher));

        var coupon = (await client.ListCouponsAsync(store).ToListAsync()).Single().Single();
        await app.StopAsync();

        Assert.Equal(("Demo", CouponStatus.Ongoing, "MYR"), (coupon.Name, coupon.Status, coupon.Currency));
    }
}
