using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends;

public sealed class ClaimLinksTests
{
    [Theory]
    [InlineData("TH", "https://shopee.co.th/shop/100200")]
    [InlineData("SG", "https://shopee.sg/shop/100200")]
    [InlineData("BR", "https://shopee.com.br/shop/100200")]
    public void Landing_ShopeeWithoutLandingUrl_IsTheShopPageOfTheSite(string site, string expected)
    {
        Assert.Equal(expected, ClaimLinks.Landing(Store(site: site), null, out var error)!.AbsoluteUri);
        Assert.Null(error);
    }

    [Fact]
    public void Landing_ShoplineWithoutLandingUrl_IsTheStorefront()
    {
        Assert.Equal("https://acme.myshopline.com/", ClaimLinks.Landing(Store(Platform.Shopline, shopId: "acme"), null, out _)!.AbsoluteUri);
    }

    [Theory]
    [InlineData(Platform.Lazada)]
    [InlineData(Platform.TikTok)]
    public void Landing_PlatformWithoutABuildableLink_NeedsALandingUrl(Platform platform)
    {
        Assert.Null(ClaimLinks.Landing(Store(platform), null, out var error));
        Assert.Contains("give the shop's page as landingUrl", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Lazada, "https://www.lazada.co.th/shop/acme/", true)]
    [InlineData(Platform.Lazada, "https://www.lazada.sg/shop/acme/", false)]
    [InlineData(Platform.Lazada, "https://lazada.co.th.evil.com/", false)]
    [InlineData(Platform.TikTok, "https://www.tiktok.com/@acme", true)]
    [InlineData(Platform.TikTok, "http://www.tiktok.com/@acme", false)]
    [InlineData(Platform.Shopee, "https://shopee.co.th/acme", true)]
    [InlineData(Platform.Shopline, "https://shop.acme.example/", true)]
    public void Landing_GivenLandingUrl_MustBeHttpsOnThePlatformsSite(Platform platform, string url, bool ok)
    {
        var landing = ClaimLinks.Landing(Store(platform), new Uri(url), out var error);

        Assert.Equal(ok, landing is not null);
        Assert.Equal(ok, error is null);
    }

    [Fact]
    public void Tag_LinkWithQuery_KeepsItAndReplacesUtmTags()
    {
        var tagged = ClaimLinks.Tag(new Uri("https://shopee.co.th/shop/1?ref=a&utm_source=old"), ContactChannel.Sms, "payday dec");

        Assert.Equal("https://shopee.co.th/shop/1?ref=a&utm_source=couponfunctions&utm_medium=sms&utm_campaign=payday%20dec", tagged.AbsoluteUri);
    }

    [Fact]
    public void Tag_Email_UsesMediumEmail()
    {
        Assert.EndsWith("utm_medium=email&utm_campaign=send-1", ClaimLinks.Tag(new Uri("https://x.myshopline.com/"), ContactChannel.Email, "send-1").AbsoluteUri, StringComparison.Ordinal);
    }
}
