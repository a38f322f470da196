using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class PlatformRuleCatalogTests
{
    private static readonly PlatformRuleCatalog Catalog = PlatformRuleCatalog.Default;

    [Fact]
    public void For_ShopeeSingapore_ReturnsDocumentedFacts()
    {
        var rules = Catalog.For(Platform.Shopee, "SG");

        Assert.Equal(CodeRequirement.Required, rules.Code.Requirement);
        Assert.Equal((1, 5), (rules.Code.MinLength, rules.Code.MaxLength));
        Assert.Equal(TimeSpan.FromHours(1), rules.MinDuration);
        Assert.Equal(DurationLimit.OfMonths(3), rules.MaxDuration);
        Assert.Equal(TimeSpan.Zero, rules.MinLeadTime);
        Assert.True(rules.WholePercentagesOnly);
        Assert.True(rules.MinSpendMustExceedFixedDiscount);
        Assert.True(rules.CapMustExceedDiscountAtMinSpend);
        Assert.True(rules.QuantityOnlyUp);
        Assert.Equal(EndTimeDirection.LaterOnly, rules.RunningEndDirection);
        Assert.Equal(1000, rules.MaxActiveCouponsPerStore);
        Assert.Contains(RewardType.CoinCashback, rules.Rewards);
        Assert.Equal("SGD", rules.Currency);
        Assert.Equal(2, rules.CurrencyDecimals);
        Assert.Null(rules.SiteDiscountCapPercent);
    }

    [Fact]
    public void For_TikTok_ReturnsPercentageRangeMinimumAmountAndPromoCodeLengths()
    {
        var rules = Catalog.For(Platform.TikTok, "MY");

        Assert.Equal((5m, 50m), (rules.MinPercentage, rules.MaxPercentage));
        Assert.Equal(0.50m, rules.MinFixedDiscount);
        Assert.Equal((6, 8), (rules.Code.MinLength, rules.Code.MaxLength));
        Assert.Equal(CodeRequirement.Optional, rules.Code.Requirement);
        Assert.Equal(TimeSpan.FromMinutes(10), rules.MinDuration);
        Assert.Equal(DurationLimit.OfDays(365), rules.MaxDuration);
        Assert.Equal(1000, rules.MaxProducts);
        Assert.NotNull(rules.Capabilities.ReadOnlyReason);
    }

    [Fact]
    public void For_Lazada_HasNoSellerCodeAndFixesMinimumSpend()
    {
        var rules = Catalog.For(Platform.Lazada, "MY");

        Assert.Equal(CodeRequirement.NotSupported, rules.Code.Requirement);
        Assert.True(rules.MinSpendFixedOnceSet);
        Assert.True(rules.QuantityOnlyUp);
        Assert.DoesNotContain(RewardType.CoinCashback, rules.Rewards);
    }

    [Theory]
    [InlineData(Platform.Lazada, "PH", 50)]
    [InlineData(Platform.Lazada, "TH", 50)]
    public void For_LazadaCappedSite_ReturnsDefaultCap(Platform platform, string site, int cap) =>
        Assert.Equal(cap, Catalog.For(platform, site).SiteDiscountCapPercent);

    [Theory]
    [InlineData(Platform.Lazada, "SG")]
    [InlineData(Platform.Shopee, "PH")]
    [InlineData(Platform.TikTok, "TH")]
    public void For_SiteWithoutKnownCap_ReturnsNoCap(Platform platform, string site) =>
        Assert.Null(Catalog.For(platform, site).SiteDiscountCapPercent);

    [Theory]
    [InlineData(Platform.Shopee, "SG", 2)]
    [InlineData(Platform.Shopee, "MY", 2)]
    [InlineData(Platform.Shopee, "BR", 2)]
    [InlineData(Platform.Shopee, "MX", 2)]
    [InlineData(Platform.Shopee, "TH", 0)]
    [InlineData(Platform.Shopee, "PH", 0)]
    [InlineData(Platform.Shopee, "ID", 0)]
    [InlineData(Platform.Shopee, "VN", 0)]
    [InlineData(Platform.Shopee, "TW", 0)]
    [InlineData(Platform.Lazada, "ID", 0)]
    [InlineData(Platform.Lazada, "VN", 0)]
    [InlineData(Platform.Lazada, "PH", 2)]
    [InlineData(Platform.TikTok, "VN", 0)]
    [InlineData(Platform.TikTok, "GB", 2)]
    [InlineData(Platform.Shopline, "TW", 0)]
    [InlineData(Platform.Shopline, "HK", 2)]
    public void For_Site_ReturnsCurrencyDecimals(Platform platform, string site, int decimals) =>
        Assert.Equal(decimals, Catalog.For(platform, site).CurrencyDecimals);

    [Fact]
    public void For_SiteCodeInLowerCase_ReturnsSameRules() =>
        Assert.Same(Catalog.For(Platform.Lazada, "PH"), Catalog.For(Platform.Lazada, "ph"));

    [Fact]
    public void For_UnknownSite_Throws() =>
        Assert.Throws<ArgumentException>(() => Catalog.For(Platform.Shopee, "XX"));

    [Fact]
    public void For_OptionsOverrideCapsDecimalsAndLimits_ReturnsOverrides()
    {
        var options = new RuleCatalogOptions
        {
            ShopeeMinLeadTime = TimeSpan.FromMinutes(15),
            TikTokMaxPercentage = 90m,
            ShopeeRunningEndDirection = EndTimeDirection.EarlierOnly,
        };
        options.SiteDiscountCapPercent[Platform.Lazada]["PH"] = 40m;
        options.SiteDiscountCapPercent[Platform.Lazada]["TH"] = 100m;
        options.SiteDiscountCapPercent[Platform.Shopee] = new() { ["vn"] = 70m };
        options.CurrencyDecimals[Platform.Shopee] = new() { ["TH"] = 2 };
        options.NameMaxLength[Platform.Lazada] = 40;
        options.MaxTotalQuantity[Platform.Shopee] = 200_000;
        var catalog = new PlatformRuleCatalog(options);

        Assert.Equal(40m, catalog.For(Platform.Lazada, "PH").SiteDiscountCapPercent);
        Assert.Null(catalog.For(Platform.Lazada, "TH").SiteDiscountCapPercent);
        Assert.Equal(70m, catalog.For(Platform.Shopee, "VN").SiteDiscountCapPercent);
        Assert.Equal(2, catalog.For(Platform.Shopee, "TH").CurrencyDecimals);
        Assert.Equal(40, catalog.For(Platform.Lazada, "SG").NameMaxLength);
        Assert.Equal(200_000, catalog.For(Platform.Shopee, "SG").MaxTotalQuantity);
        Assert.Equal(TimeSpan.FromMinutes(15), catalog.For(Platform.Shopee, "SG").MinLeadTime);
        Assert.Equal(90m, catalog.For(Platform.TikTok, "SG").MaxPercentage);
        Assert.Equal(EndTimeDirection.EarlierOnly, catalog.For(Platform.Shopee, "SG").RunningEndDirection);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Constructor_CapOutOfRange_Throws(int cap)
    {
        var options = new RuleCatalogOptions();
        options.SiteDiscountCapPercent[Platform.Lazada]["PH"] = cap;

        var error = Assert.Throws<ArgumentException>(() => new PlatformRuleCatalog(options));
        Assert.Contains("Lazada/PH", error.Message);
    }

    [Fact]
    public void Constructor_TikTokMinimumAboveMaximum_Throws() =>
        Assert.Throws<ArgumentException>(() => new PlatformRuleCatalog(new RuleCatalogOptions { TikTokMinPercentage = 60m }));

    [Fact]
    public void Constructor_UnreachableMultipleNotAboveOne_Throws() =>
        Assert.Throws<ArgumentException>(() => new PlatformRuleCatalog(new RuleCatalogOptions { UnreachableMinSpendMultiple = 1m }));

    [Fact]
    public void LatestEnd_ThreeMonths_FollowsTheCalendar() =>
        Assert.Equal(new DateTimeOffset(2025, 4, 30, 0, 0, 0, TimeSpan.Zero),
            DurationLimit.OfMonths(3).LatestEnd(new DateTimeOffset(2025, 1, 30, 0, 0, 0, TimeSpan.Zero)));
}
