using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms.Tests.Common;

public sealed class PlatformServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPlatformConnectors_ShopeeSection_BindsOptionsAndResolvesConnector()
    {
        using var services = ConnectorServices.Build(new()
        {
            ["Platforms:Shopee:PartnerId"] = "2001",
            ["Platforms:Shopee:PartnerKey"] = "key",
            ["Platforms:Shopee:BaseUrl"] = "http://127.0.0.1:7071/sandbox/shopee",
            ["Platforms:Shopee:ShopQps"] = "4",
            ["Platforms:Shopee:RetryBaseDelay"] = "00:00:00.250",
        });

        var connector = services.GetRequiredService<IPlatformConnectors>().For(Platform.Shopee);
        var options = services.GetRequiredService<IOptions<ShopeeClientOptions>>().Value;

        Assert.IsType<ShopeeClient>(connector);
        Assert.Same(connector, services.GetRequiredService<IPlatformConnectors>().For(Platform.Shopee));
        Assert.Equal((2001L, 4d, TimeSpan.FromMilliseconds(250)), (options.PartnerId, options.ShopQps, options.RetryBaseDelay));
        Assert.Equal("http://127.0.0.1:7071/sandbox/shopee", options.BaseUrl.OriginalString);
    }

    [Theory]
    [InlineData(Platform.Shopee)]
    [InlineData(Platform.Lazada)]
    [InlineData(Platform.TikTok)]
    [InlineData(Platform.Shopline)]
    public void Rate_ConfiguredLimits_TheConnectorsOwnRates(Platform platform)
    {
        using var services = ConnectorServices.Build(new() { [$"Platforms:{platform}:AppQps"] = "120", [$"Platforms:{platform}:ShopQps"] = "7.5" });

        Assert.Equal(new PlatformRate(120, 7.5), services.GetRequiredService<IPlatformConnectors>().For(platform).Rate);
    }

    [Fact]
    public void For_PlatformWithoutConnector_ThrowsNamingIt()
    {
        // Every platform has a connector in the app now, so the lookup is built without one.
        var connectors = new PlatformConnectors([]);

        var error = Assert.Throws<InvalidOperationException>(() => connectors.For(Platform.Lazada));

        Assert.Contains("lazada", error.Message);
    }

    [Theory]
    [InlineData(Platform.Shopee, "500")]
    [InlineData(Platform.Lazada, "500")]
    [InlineData(Platform.TikTok, "500")]
    [InlineData(Platform.Shopline, "300")]
    public void AddPlatformConnectors_PageSizeOverThePlatformsMaximum_FailsNamingTheSetting(Platform platform, string pageSize)
    {
        using var services = ConnectorServices.Build(new() { [$"Platforms:{platform}:PageSize"] = pageSize });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IPlatformConnectors>().For(platform));

        Assert.Contains($"{platform}ClientOptions.PageSize", error.Message);
    }
}
