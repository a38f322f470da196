using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Shopline;
using CouponFunctions.Platforms.TikTok;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms.Tests.Demo;

public sealed class LocalSettingsSampleTests
{
    [Fact]
    public void PlatformSettings_WithGeneratedSecrets_ValidateAndPointEveryConnectorAtItsLocalSandbox()
    {
        var settings = LocalSettingsSample.PlatformSettings();
        using var services = new ServiceCollection()
            .AddPlatformConnectors(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

        // Resolving a connector runs its options' validation (a base64 secret must pass it).
        foreach (var platform in DemoTestBed.AllPlatforms) Assert.Equal(platform, services.GetRequiredService<IPlatformConnectors>().For(platform).Platform);
        var shopee = services.GetRequiredService<IOptions<ShopeeClientOptions>>().Value;
        var lazada = services.GetRequiredService<IOptions<LazadaClientOptions>>().Value;
        var tiktok = services.GetRequiredService<IOptions<TikTokClientOptions>>().Value;
        var shopline = services.GetRequiredService<IOptions<ShoplineClientOptions>>().Value;
        Assert.Equal("http://127.0.0.1:7072/sandbox/shopee", shopee.BaseUrl.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:7072/sandbox/lazada/rest", lazada.GatewayFor("PH")!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:7072/sandbox/lazada/rest", lazada.AuthBaseUrl.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:7072/sandbox/lazada/oauth/authorize", lazada.AuthorizeUrl.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:7072/sandbox/tiktok", tiktok.BaseUrl.AbsoluteUri.TrimEnd('/'));
        Assert.Equal(tiktok.BaseUrl, tiktok.AuthBaseUrl);
        Assert.Equal("http://127.0.0.1:7072/sandbox/tiktok/open/authorize", tiktok.AuthorizePageUrl.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:7072/sandbox/shopline/{handle}", shopline.StoreUrlTemplate);
        Assert.All(new[] { shopee.PartnerKey, lazada.AppSecret, tiktok.AppSecret, shopline.AppSecret }, secret => Assert.Equal(32, Convert.FromBase64String(secret).Length));
        Assert.All(new[] { lazada.AppKey, tiktok.AppKey, tiktok.ServiceId, shopline.AppKey }, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.True(shopee.PartnerId > 0);
    }

    [Fact]
    public void PlatformSettings_EveryPlatform_HasItsQpsLimits()
    {
        var settings = LocalSettingsSample.PlatformSettings();

        foreach (var platform in new[] { "Shopee", "Lazada", "TikTok", "Shopline" })
        {
            Assert.True(double.Parse(settings[$"Platforms:{platform}:AppQps"]!, System.Globalization.CultureInfo.InvariantCulture) > 0, platform);
            Assert.True(double.Parse(settings[$"Platforms:{platform}:ShopQps"]!, System.Globalization.CultureInfo.InvariantCulture) > 0, platform);
        }
    }
}
