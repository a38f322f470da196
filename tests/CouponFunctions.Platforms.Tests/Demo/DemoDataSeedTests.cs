using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Demo;

namespace CouponFunctions.Platforms.Tests.Demo;

public sealed class DemoDataSeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = DemoTestBed.Morning;

    private DemoTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await DemoTestBed.StartAsync(Morning);

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Seed_EveryStore_ListsThroughItsConnectorWithEveryCouponMapped()
    {
        var seed = _bed.NewDemo().Seed(_bed.Credentials, Morning);

        var listed = await _bed.ListAllAsync(seed);

        Assert.Equal(13, seed.Stores.Count);
        Assert.Equal(
            ["shopee:PH", "shopee:SG", "shopee:TH", "shopee:VN", "lazada:ID", "lazada:MY", "lazada:PH", "lazada:TH", "tiktok:MY", "tiktok:SG", "tiktok:TH", "shopline:HK", "shopline:TW"],
            seed.Stores.OrderBy(s => s.Platform).ThenBy(s => s.Site).Select(s => $"{s.Platform.ToWire()}:{s.Site}"));
        Assert.Equal(seed.Stores.Count, seed.Stores.Select(s => s.Key).Distinct().Count());
        foreach (var (store, coupons) in listed)
        {
            Assert.InRange(store.CouponCount, 27, 48);
            Assert.Equal(store.CouponCount, coupons.Count);
            Assert.Equal(coupons.Count, coupons.Select(c => c.PlatformCouponId).Distinct().Count());
            Assert.All(coupons, c => Assert.Equal((store.Platform, Sites.Get(store.Site).Currency), (c.Platform, c.Currency)));
            Assert.All(coupons, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
            Assert.All(coupons, c => Assert.True(c.ValidFrom < c.ValidTo, $"{c.Name}: {c.ValidFrom:O} .. {c.ValidTo:O}"));
            Assert.Equal(Sites.Get(store.Site).TimeZoneId, store.TimeZoneId);
        }
        Assert.Equal(seed.CouponCount, listed.Sum(s => s.Coupons.Count));
    }

    [Fact]
    public async Task Seed_CouponStates_EveryPlatformShowsTheStatesItHas()
    {
        var seed = _bed.NewDemo().Seed(_bed.Credentials, Morning);

        var listed = await _bed.ListAllAsync(seed);

        var statuses = listed.GroupBy(s => s.Store.Platform)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Coupons).GroupBy(c => c.Status).ToDictionary(s => s.Key, s => s.Count()));
        foreach (var (platform, counts) in statuses)
        {
            Assert.True(counts.GetValueOrDefault(CouponStatus.Upcoming) >= 3 * listed.Count(s => s.Store.Platform == platform), $"{platform} upcoming");
            Assert.True(counts.GetValueOrDefault(CouponStatus.Ongoing) > counts.GetValueOrDefault(CouponStatus.Upcoming), $"{platform} ongoing");
            Assert.True(counts.GetValueOrDefault(CouponStatus.Ended) >= 4 * listed.Count(s => s.Store.Platform == platform), $"{platform} ended");
        }
        // Only Lazada pauses (SUSPEND); Lazada and TikTok Shop deactivate.
        Assert.Equal(2 * 4, statuses[Platform.Lazada][CouponStatus.Paused]);
        Assert.Equal(4, statuses[Platform.Lazada][CouponStatus.Deactivated]);
        Assert.Equal(3, statuses[Platform.TikTok][CouponStatus.Deactivated]);
        Assert.DoesNotContain(CouponStatus.Paused, statuses[Platform.Shopee].Keys.Concat(statuses[Platform.TikTok].Keys).Concat(statuses[Platform.Shopline].Keys));
        Assert.Contains(listed.SelectMany(s => s.Coupons), c => c.Platform == Platform.Shopline && c.TotalQuantity is null && c.ValidTo.Year == 9999);
        Assert.Contains(listed.SelectMany(s => s.Coupons), c => c.Reward == RewardType.CoinCashback);
        Assert.Contains(listed.SelectMany(s => s.Coupons), c => c.Scope == CouponScope.Product);
    }

    [Fact]
    public async Task Seed_EveryStore_HasAStockOutWhileOngoingAndACouponEndingTodayInItsOwnZone()
    {
        var seed = _bed.NewDemo().Seed(_bed.Credentials, Morning);

        foreach (var (store, coupons) in await _bed.ListAllAsync(seed))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Morning, zone).DateTime);
            Assert.Contains(coupons, c => c.Status == CouponStatus.Ongoing && c.RemainingQuantity == 0);
            Assert.Contains(coupons, c => c.Status == CouponStatus.Ongoing && c.ValidTo > Morning
                && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.ValidTo, zone).DateTime) == today);
        }
    }

    [Fact]
    public async Task Seed_CapsAndThresholds_TheRuleCatalogFindsCouponsOverTheSiteCapAndAbsurdThresholds()
    {
        var seed = _bed.NewDemo().Seed(_bed.Credentials, Morning);

        var listed = await _bed.ListAllAsync(seed);

        var inspector = CouponRuleInspector.Default;
        var overCap = listed.SelectMany(s => s.Coupons.Where(c => inspector.DiscountOverCap(c, s.Store.Site) is not null).Select(_ => $"{s.Store.Platform.ToWire()}:{s.Store.Site}")).ToList();
        Assert.Equal(["lazada:PH", "lazada:TH", "tiktok:MY", "tiktok:SG", "tiktok:TH"], overCap.Distinct().Order());
        Assert.Contains(listed.Single(s => s.Store.Key == "demo-lazada-ph").Coupons, c => c.Percentage > 50);
        foreach (var (store, coupons) in listed)
        {
            var verdicts = coupons.Select(c => inspector.AssessThreshold(c).Verdict).ToList();
            Assert.Contains(ThresholdVerdict.LossRisk, verdicts);
            Assert.Contains(ThresholdVerdict.Unreachable, verdicts);
            Assert.Contains(coupons, c => c.Reward == RewardType.FixedAmount && c.MinSpend >= 100 * c.DiscountAmount);
        }
    }

    [Fact]
    public async Task Seed_Inspection_RaisesEveryFindingTheDemoIsThereToShow()
    {
        var seed = _bed.NewDemo().Seed(_bed.Credentials, Morning);
        var healthy = new StoreSyncHealth(Morning, Morning, null, 0);

        var findings = new List<Finding>();
        foreach (var (store, coupons) in await _bed.ListAllAsync(seed))
        {
            var found = CouponInspector.Default.Inspect(new StoreInspectionInput(DemoTestBed.Store(store, Morning), coupons, healthy, Morning), InspectionSettings.Default);
            Assert.Contains(found, f => f.Code == FindingCodes.StockOut);
            Assert.Contains(found, f => f.Code == FindingCodes.ExpiryToday);
            Assert.Contains(found, f => f.Code == FindingCodes.ThresholdLossRisk);
            findings.AddRange(found);
        }

        Assert.Equal(
            [
                FindingCodes.DiscountOverCap, FindingCodes.ExpirySoon, FindingCodes.ExpiryToday, FindingCodes.StatusPaused, FindingCodes.StockLow,
                FindingCodes.StockOut, FindingCodes.ThresholdLossRisk, FindingCodes.ThresholdUnreachable, FindingCodes.UsageHighClaimsLowUsage,
                FindingCodes.UsageLowClaimsHighUsage,
            ],
            findings.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal));
        // The usage hints come from TikTok Shop, the one platform that gives claims and uses.
        Assert.All(findings.Where(f => f.Code.StartsWith("usage.", StringComparison.Ordinal)), f => Assert.StartsWith("demo-tiktok-", f.StoreId.Value));
    }

    [Theory]
    [InlineData("2026-11-21T01:00:00Z")] // 09:00 in SG: a UTC "today" would put 23:59 UTC on the stores' tomorrow
    [InlineData("2026-11-21T15:30:00Z")] // 23:30 in SG, 22:30 in BKK: less than an hour left of the local day
    [InlineData("2026-11-21T17:30:00Z")] // 01:30 on the 22nd in SG while UTC is still on the 21st
    public async Task Seed_AtAnyHour_EndsTheExpiringTodayCouponsLaterOnTheStoresOwnDay(string at)
    {
        var now = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        await using var bed = await DemoTestBed.StartAsync(now);
        var demo = bed.NewDemo();
        var seed = demo.Seed(bed.Credentials, now);
        var healthy = new StoreSyncHealth(now, now, null, 0);

        foreach (var (store, coupons) in await bed.ListAllAsync(seed))
        {
            var found = CouponInspector.Default.Inspect(new StoreInspectionInput(DemoTestBed.Store(store, now), coupons, healthy, now), InspectionSettings.Default);
            Assert.True(found.Count(f => f.Code == FindingCodes.ExpiryToday) >= 2, $"{store.Key} at {at}");
            Assert.True(found.Count(f => f.Code == FindingCodes.ExpirySoon) >= 3, $"{store.Key} at {at}");
        }
    }

    [Fact]
    public async Task Seed_Twice_ReturnsTheSameStoresWithoutAddingCoupons()
    {
        var demo = _bed.NewDemo();
        var first = demo.Seed(_bed.Credentials, Morning);

        var again = demo.Seed(_bed.Credentials, Morning.AddHours(1));
        var other = _bed.NewDemo().Seed(_bed.Credentials, Morning.AddHours(1));
        var listed = await _bed.ListAllAsync(other);

        Assert.Same(first, again);
        Assert.Equal(first.Stores.Select(s => (s.Key, s.ShopId, s.CouponCount)), other.Stores.Select(s => (s.Key, s.ShopId, s.CouponCount)));
        Assert.Equal(first.Stores.Select(s => s.CouponCount), listed.Select(s => s.Coupons.Count));
        // The second instance issued its own tokens, and they work (the listing above used them).
        Assert.All(first.Stores.Zip(other.Stores), p => Assert.NotEqual(p.First.Credentials.AccessToken, p.Second.Credentials.AccessToken));
    }

    [Fact]
    public async Task Seed_SameSeedAndNowInTwoProcesses_GivesTheSameCoupons()
    {
        await using var twin = await DemoTestBed.StartAsync(Morning);

        var mine = await _bed.ListAllAsync(_bed.NewDemo().Seed(_bed.Credentials, Morning));
        var theirs = await twin.ListAllAsync(twin.NewDemo().Seed(twin.Credentials, Morning));

        Assert.Equal(Snapshot(mine), Snapshot(theirs));
        Assert.Equal(mine.Select(s => s.Store with { Credentials = s.Store.Credentials with { AccessToken = null, RefreshToken = null, ShopCipher = null } }),
            theirs.Select(s => s.Store with { Credentials = s.Store.Credentials with { AccessToken = null, RefreshToken = null, ShopCipher = null } }));
    }

    [Fact]
    public async Task Seed_AnotherSeed_GivesOtherCoupons()
    {
        await using var twin = await DemoTestBed.StartAsync(Morning);

        var mine = await _bed.ListAllAsync(_bed.NewDemo().Seed(_bed.Credentials, Morning));
        var theirs = await twin.ListAllAsync(twin.NewDemo(new DemoOptions { Seed = 7 }).Seed(twin.Credentials, Morning));

        Assert.NotEqual(Snapshot(mine), Snapshot(theirs));
    }

    [Fact]
    public void Seed_PlatformWithoutCredentials_GetsNoStores()
    {
        var seed = _bed.NewDemo().Seed(_bed.Credentials with { TikTokAppSecret = "", ShopeePartnerId = 0 }, Morning);

        Assert.Equal(
            [Platform.Lazada, Platform.Shopline],
            seed.Stores.Select(s => s.Platform).Distinct().Order());
        Assert.Empty(_bed.Sandboxes.TikTok.Coupons("7495100000000000001"));
    }

    [Fact]
    public async Task Seed_StoreTokens_RefreshThroughEachConnectorWithGeneratedSecrets()
    {
        var seed = _bed.NewDemo().Seed(_bed.Credentials, Morning);

        foreach (var platform in DemoTestBed.AllPlatforms)
        {
            var store = seed.Stores.First(s => s.Platform == platform);
            var refreshed = await _bed.Connectors.For(platform).RefreshTokenAsync(DemoTestBed.Connection(store));
            Assert.True(refreshed.Succeeded, $"{platform}: {(refreshed.Succeeded ? "" : refreshed.Error.ToString())}");
            Assert.NotEqual(store.Credentials.AccessToken, refreshed.Value.AccessToken);
        }
        Assert.Contains('+', _bed.Credentials.ShopeePartnerKey);
    }

    // Everything the connectors return, as JSON (Coupon holds lists, which records compare by reference).
    private static string Snapshot(List<(DemoStore Store, List<Coupon> Coupons)> listed) =>
        JsonSerializer.Serialize(listed.Select(s => new { s.Store.Key, Coupons = s.Coupons.OrderBy(c => c.PlatformCouponId, StringComparer.Ordinal) }));
}
