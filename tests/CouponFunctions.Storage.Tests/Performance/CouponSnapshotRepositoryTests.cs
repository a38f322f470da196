using Azure.Data.Tables;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Performance;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Performance;

[Collection(AzuriteCollection.Name)]
public sealed class CouponSnapshotRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    [Fact]
    public async Task GetTotals_ManyStoresOverFiveWeeks_ReadsEveryStoreDayOfThePeriodOnly()
    {
        var (snapshots, tenant) = await SetUpAsync();
        var stores = Enumerable.Range(0, 25).Select(i => StoreId.Parse($"s-{i:D2}")).ToList();
        foreach (var store in stores)
            for (var d = 0; d < 36; d++)
                await snapshots.SaveDayAsync(tenant, store, Day.AddDays(d), [], new StoreDayTotals(store, Day.AddDays(d), d, 1, 5m, 50m, "THB"));

        var totals = await snapshots.GetTotalsAsync(tenant, Day.AddDays(1), Day.AddDays(34));

        Assert.Equal(25 * 34, totals.Count);
        Assert.Equal((Day.AddDays(1), Day.AddDays(34)), (totals.Min(t => t.Day), totals.Max(t => t.Day)));
        Assert.Equal(stores.Select(s => s.Value), totals.Select(t => t.StoreId.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 34).Sum() * 25, totals.Sum(t => t.Claims));
        Assert.Empty(await snapshots.GetTotalsAsync(TenantId.Parse(azurite.UniqueName("t")), Day, Day.AddDays(40)));
    }

    [Fact]
    public async Task SaveDay_RetriedWithNewerFigures_KeepsOneRowOfAbsoluteValuesWithItsCampaigns()
    {
        var (snapshots, tenant) = await SetUpAsync();
        var store = StoreId.Parse("s-1");
        var figures = new[] { new CouponDayFigures("v1", Day, 0, 0, 10, 2, 5m, 50m, "THB"), new CouponDayFigures("v2", Day, 0, 0, 4, 1, 5m, null, "THB") };
        var tags = new Dictionary<string, string> { ["v2"] = "Mid-Year Sale" };

        await snapshots.SaveDayAsync(tenant, store, Day, figures, StoreDayTotals.Sum(store, Day, "THB", figures, tags));
        var later = figures.Select(f => f with { Claimed = f.Claimed + 1 }).ToArray();
        await snapshots.SaveDayAsync(tenant, store, Day, later, StoreDayTotals.Sum(store, Day, "THB", later, tags));
        await snapshots.SaveDayAsync(tenant, store, Day, later, StoreDayTotals.Sum(store, Day, "THB", later, tags));

        var total = Assert.Single(await snapshots.GetTotalsAsync(tenant, Day, Day));
        Assert.Equal((16, 3, 15m, 100m), (total.Claims, total.Uses, total.DiscountGiven, total.MinOrderValue));
        Assert.Equal([("", 11, 2, 10m, 100m), ("Mid-Year Sale", 5, 1, 5m, 0m)], total.ByCampaign.Select(c => (c.Campaign, c.Claims, c.Uses, c.DiscountGiven, c.MinOrderValue)));
        Assert.Equal(["v1", "v2"], (await snapshots.GetDayAsync(tenant, store, Day)).Keys.Order());
    }

    private async Task<(CouponSnapshotRepository, TenantId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.CouponSnapshots);
        return (new CouponSnapshotRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")));
    }
}
