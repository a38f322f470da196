using System.Text.Json;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tests.Deployments;

namespace CouponFunctions.Core.Tests.Templates;

public sealed class TemplateJsonTests
{
    [Fact]
    public void Serialize_TemplateWithOverridesAndProducts_RoundTrips()
    {
        var template = DeployTestData.Template() with
        {
            Campaign = new CampaignInfo("Mid-year", "KOL", "https://example.com"),
            Validity = TemplateValidity.Absolute(new DateTime(2026, 6, 1, 0, 0, 0), new DateTime(2026, 6, 7, 23, 59, 59)),
            Scope = TemplateScope.Products(new Dictionary<StoreId, IReadOnlyList<string>> { [StoreId.Parse("s-shop1")] = ["11"] }),
            Overrides = new Dictionary<Platform, PlatformOverride> { [Platform.TikTok] = new() { Percentage = 5m } },
        };

        var json = JsonSerializer.Serialize(template, MessageJson.Options);
        var back = JsonSerializer.Deserialize<TemplateDefinition>(json, MessageJson.Options)!;

        Assert.Contains("\"tiktok\":", json);
        Assert.Contains("\"s-shop1\":", json);
        Assert.Equal(5m, back.ForPlatform(Platform.TikTok).Discount.Percentage);
        Assert.Equal(["11"], back.Scope.ProductsOf(StoreId.Parse("s-shop1")));
        Assert.Equal(template.Validity, back.Validity);
        Assert.Equal(20m, back.Discount.Cap!["SGD"]);
        Assert.Equal("mid-year", back.Campaign!.Tag);
    }
}
