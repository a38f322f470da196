using System.Net;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox;
using CouponFunctions.Sandbox.Shopee;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Platforms.Tests.Sandbox;

public sealed class SandboxServiceCollectionExtensionsTests
{
    [Fact]
    public async Task MapPlatformSandboxes_InAHostApp_ServesTheRegisteredShopeeSandbox()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddPlatformSandboxes().AddHttpClient();
        await using var app = builder.Build();
        app.MapPlatformSandboxes();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var sandbox = app.Services.GetRequiredService<ShopeeSandbox>();
        sandbox.AddPartner(7, "demo-partner-key");
        sandbox.AddShop(70, "MY", partnerId: 7);
        sandbox.AddVoucher(70, new ShopeeSandboxVoucher { Code = "DEMO", Name = "Demo", Start = TimeProvider.System.GetUtcNow().AddHours(-1), End = TimeProvider.System.GetUtcNow().AddDays(1) });
        var tokens = sandbox.IssueTokens(7, 70);
        var client = new ShopeeClient(new ShopeeClientOptions { PartnerId = 7, PartnerKey = "demo-partner-key", BaseUrl = new Uri($"{address}/sandbox/shopee") },
            app.Services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, new RecordingCallRecorder(), new CapturingLogger<ShopeeClient>());
        var store = new StoreConnection(TenantId.Parse("t-demo"), StoreId.Parse("s-demo"), Platform.Shopee, "MY", "70", new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt));

        var coupon = (await client.ListCouponsAsync(store).ToListAsync()).Single().Single();
        await app.StopAsync();

        Assert.Equal(("DEMO", CouponStatus.Ongoing, "MYR"), (coupon.Code, coupon.Status, coupon.Currency));
    }
}
