using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Tests.TestDoubles;
using CouponFunctions.Sandbox.Lazada;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms.Tests.Lazada;

/// <summary>The Lazada lines of AddPlatformConnectors, AddPlatformSandboxes and MapPlatformSandboxes.</summary>
public sealed class LazadaRegistrationTests
{
    [Fact]
    public void AddPlatformConnectors_LazadaSection_BindsOptionsAndResolvesConnector()
    {
        using var services = ConnectorServices.Build(new()
        {
            ["Platforms:Lazada:AppKey"] = "112233",
            ["Platforms:Lazada:AppSecret"] = "secret",
            ["Platforms:Lazada:Gateways:SG"] = "http://127.0.0.1:7071/sg/rest",
            ["Platforms:Lazada:PageSize"] = "80",
        });

        var connector = services.GetRequiredService<IPlatformConnectors>().For(Platform.Lazada);
        var options = services.GetRequiredService<IOptions<LazadaClientOptions>>().Value;

        Assert.IsType<LazadaClient>(connector);
        Assert.Equal(("112233", 80), (options.AppKey, options.PageSize));
        Assert.Equal("http://127.0.0.1:7071/sg/rest", options.GatewayFor("sg")!.OriginalString);
        Assert.Equal("https://api.lazada.co.th/rest", options.GatewayFor("TH")!.OriginalString);
        Assert.Null(options.GatewayFor("TW"));
        Assert.DoesNotContain("secret", options.ToString());
    }

    [Fact]
    public async Task MapPlatformSandboxes_InAHostApp_ServesTheRegisteredLazadaSandbox()
    {
        await using var app = await SandboxWebApp.StartAsync(services => services.AddLazadaSandbox(o => o.DefaultPageSize = 5));
        var sandbox = app.Services.GetRequiredService<LazadaSandbox>();
        sandbox.AddApp("7", "demo-app-secret");
        sandbox.AddSeller(70, "MY", appKey: "7");
        sandbox.AddVoucher(70, new LazadaSandboxVoucher { Name = "Demo", MoneyValueOff = 3, Start = TimeProvider.System.GetUtcNow().AddHours(-1), End = TimeProvider.System.GetUtcNow().AddDays(1) });
        var tokens = sandbox.IssueTokens("7", 70);
        var rest = new Uri($"{app.Address}/sandbox/lazada/rest");
        var client = new LazadaClient(new LazadaClientOptions { AppKey = "7", AppSecret = "demo-app-secret", BaseUrl = rest, UseBaseUrlForAllSites = true, AuthBaseUrl = rest },
            app.HttpClients, TimeProvider.System, new RecordingCallRecorder(), new CapturingLogger<LazadaClient>());
        var store = new StoreConnection(TenantId.Parse("t-demo"), StoreId.Parse("s-demo"), Platform.Lazada, "MY", "70", new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt));

        var coupon = (await client.ListCouponsAsync(store).ToListAsync()).Single().Single();
        await app.StopAsync();

        Assert.Equal(("Demo", CouponStatus.Ongoing, "MYR"), (coupon.Name, coupon.Status, coupon.Currency));
        Assert.Equal(5, sandbox.Options.DefaultPageSize);
    }
}
