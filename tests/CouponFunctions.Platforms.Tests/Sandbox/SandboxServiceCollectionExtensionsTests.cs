using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Shopee;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Platforms.Tests.Sandbox;

public sealed class SandboxServiceCollectionExtensionsTests
{
    [Fact]
    public async Task MapPlatformSandboxes_InAHostApp_ServesTheRegisteredShopeeSandbox()
    {
        await using var app = await SandboxWebApp.StartAsync();
        var sandbox = app.Services.GetRequiredService<ShopeeSandbox>();
        sandbox.AddPartner(7, "demo-partner-key");
        sandbox.AddShop(70, "MY", partnerId: 7);
        sandbox.AddVoucher(70, new ShopeeSandboxVoucher { Code = "DEMO", Name = "Demo", Start = TimeProvider.System.GetUtcNow().AddHours(-1), End = TimeProvider.System.GetUtcNow().AddDays(1) });
        var tokens = sandbox.IssueTokens(7, 70);
        var client = new ShopeeClient(new ShopeeClientOptions { PartnerId = 7, PartnerKey = "demo-partner-key", BaseUrl = new Uri($"{app.Address}/sandbox/shopee") },
            app.HttpClients, TimeProvider.System, new RecordingCallRecorder(), new CapturingLogger<ShopeeClient>());
        var store = new StoreConnection(TenantId.Parse("t-demo"), StoreId.Parse("s-demo"), Platform.Shopee, "MY", "70", new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt));

        var coupon = (await client.ListCouponsAsync(store).ToListAsync()).Single().Single();
        await app.StopAsync();

        Assert.Equal(("DEMO", CouponStatus.Ongoing, "MYR"), (coupon.Code, coupon.Status, coupon.Currency));
    }
}
