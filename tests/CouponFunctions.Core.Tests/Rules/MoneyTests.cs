using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Rules;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(15000.4, "IDR", "IDR 15,000")]
    [InlineData(15000.5, "IDR", "IDR 15,001")]
    [InlineData(250000, "VND", "VND 250,000")]
    [InlineData(1234.5, "SGD", "SGD 1,234.50")]
    [InlineData(0.005, "SGD", "SGD 0.01")]
    [InlineData(99, "twd", "TWD 99")]
    public void Format_KnownCurrency_UsesItsDecimals(double amount, string currency, string expected) =>
        Assert.Equal(expected, Money.Format((decimal)amount, currency));

    [Fact]
    public void Format_WithPlatformDecimals_OverridesCurrencyDefault() =>
        Assert.Equal("PHP 100", Money.Format(99.6m, "PHP", 0));

    [Fact]
    public void DecimalsOf_UnknownCurrency_ReturnsTwo() => Assert.Equal(2, Money.DecimalsOf("EUR"));

    [Theory]
    [InlineData(15000.0, 0, true)]
    [InlineData(15000.5, 0, false)]
    [InlineData(1.25, 2, true)]
    [InlineData(1.255, 2, false)]
    public void FitsDecimals_Amount_ReturnsWhetherItNeedsMore(double amount, int decimals, bool expected) =>
        Assert.Equal(expected, Money.FitsDecimals((decimal)amount, decimals));

    [Fact]
    public void Round_MidpointRoundsAwayFromZero() => Assert.Equal(3m, Money.Round(2.5m, 0));

    [Fact]
    public void FormatMoney_ShopeePhilippines_ShowsWholePesos() =>
        Assert.Equal("PHP 1,000", PlatformRuleCatalog.Default.For(Platform.Shopee, "PH").FormatMoney(1000m));
}
