using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Jobs;

public sealed class StoresInFlightTests
{
    [Theory]
    [InlineData(100, 10, 12)] // B8's limits: 10 stores reach 100 calls/s, two spare
    [InlineData(10, 2, 7)]    // Shopee, Lazada and TikTok defaults
    [InlineData(100, 4, 27)]  // SHOPLINE: 4 per store, 100 for the app
    [InlineData(10, 3, 6)]    // 10 / 3 rounds up to 4
    [InlineData(5, 10, 3)]    // a shop limit above the app limit: one store could saturate it
    public void For_RatesUnderTheCap_EnoughStoresToReachTheAppLimitPlusTwo(double app, double shop, int expected) =>
        Assert.Equal(expected, StoresInFlight.For(new PlatformRate(app, shop), cap: 64));

    [Fact]
    public void For_DerivedAboveTheCap_TheCap() => Assert.Equal(8, StoresInFlight.For(new PlatformRate(100, 10), cap: 8));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(100, 0)]
    [InlineData(double.PositiveInfinity, 10)]
    [InlineData(double.NaN, 10)]
    public void For_NoUsableRate_TheCap(double app, double shop) => Assert.Equal(5, StoresInFlight.For(new PlatformRate(app, shop), cap: 5));

    [Fact]
    public void For_CapBelowOne_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => StoresInFlight.For(new PlatformRate(10, 2), cap: 0));

    [Fact]
    public void LimitsFor_EachPlatformsRates_ItsOwnConcurrencyWithinTheSetting()
    {
        var options = new JobOptions { MaxConcurrentPerPlatform = 20 };
        var rates = new Dictionary<Platform, PlatformRate>
        {
            [Platform.Shopee] = new(100, 10), [Platform.Lazada] = new(10, 2), [Platform.TikTok] = new(10, 2), [Platform.Shopline] = new(100, 4),
        };

        var limits = options.LimitsFor(p => rates[p]);

        Assert.Equal(12, limits.ConcurrentFor(Platform.Shopee));
        Assert.Equal(7, limits.ConcurrentFor(Platform.Lazada));
        Assert.Equal(20, limits.ConcurrentFor(Platform.Shopline));
        Assert.Equal((options.MaxItemsPerBatch, options.MaxBatchesPerWave), (limits.MaxItemsPerBatch, limits.MaxBatchesPerWave));
    }
}
