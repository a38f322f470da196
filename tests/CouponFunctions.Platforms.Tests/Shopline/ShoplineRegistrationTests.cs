using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Shopline;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Shopline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms.Tests.Shopline;

/// <summary>The SHOPLINE lines of AddPlatformConnectors and AddPlatformSandboxes / MapPlatformSandboxes.</summary>
public sealed class ShoplineRegistrationTests
{
    [Fact]
    public void AddPlatformConnectors_ShoplineSection_BindsOptionsAndResolvesConnector()
    {
        using var services = ConnectorServices.Build(new()
        {
            ["Platforms:Shopline:AppKey"] = "sl-1",
            ["Platforms:Shopline:StoreUrlTemplate"] = "http://127.0.0.1:7071/sandbox/shopline/{handle}",
            ["Platforms:Shopline:ApiVersion"] = "v20250601",
        });

        var connector = services.GetRequiredService<IPlatformConnectors>().For(Platform.Shopline);
        var options = services.GetRequiredService<IOptions<ShoplineClientOptions>>().Value;

        Assert.IsType<ShoplineClient>(connector);
        Assert.Equal(("sl-1", "v20250601", 4d), (options.AppKey, options.ApiVersion, options.ShopQps));
    }

    [Theory]
    [InlineData("StoreUrlTemplate", "https://fixed.myshopline.com")]
    [InlineData("ApiVersion", "2025-12-01")]
    public void AddPlatformConnectors_InvalidShoplineSetting_FailsNamingIt(string setting, string value)
    {
        using var services = ConnectorServices.Build(new() { [$"Platforms:Shopline:{setting}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IPlatformConnectors>().For(Platform.Shopline));

        Assert.Contains($"ShoplineClientOptions.{setting}", error.Message);
    }

    [Fact]
    public async Task MapPlatformSandboxes_InAHostApp_ServesTheRegisteredShoplineSandbox()
    {
        await using var app = await SandboxWebApp.StartAsync();
        var sandbox = app.Services.GetRequiredService<ShoplineSandbox>();
        sandbox.AddApp("demo-app", "demo-secret");
        sandbox.AddStore("demo-store", "MYR", "demo-app");
        var now = TimeProvider.System.GetUtcNow();
        sandbox.AddPriceRule("demo-store", new ShoplineSandboxPriceRule { Title = "Demo", Value = 3, StartsAt = now.AddHours(-1), EndsAt = now.AddDays(1) }, "DEMO3");
        var token = sandbox.IssueToken("demo-app", "demo-store");
        var client = new ShoplineClient(new ShoplineClientOptions { AppKey = "demo-app", AppSecret = "demo-secret", StoreUrlTemplate = $"{app.Address}/sandbox/shopline/{{handle}}" },
            app.HttpClients, TimeProvider.System, new RecordingCallRecorder(), new CapturingLogger<ShoplineClient>());
        var store = new StoreConnection(TenantId.Parse("t-demo"), StoreId.Parse("s-demo"), Platform.Shopline, "MY", "demo-store", new StoreCredentials(token.AccessToken, token.ExpiresAt));

        var coupon = (await client.ListCouponsAsync(store).ToListAsync()).Single().Single();
        await app.StopAsync();

        Assert.Equal(("DEMO3", CouponStatus.Ongoing, "MYR"), (coupon.Code, coupon.Status, coupon.Currency));
    }
}
