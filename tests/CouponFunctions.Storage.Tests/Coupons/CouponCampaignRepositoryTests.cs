using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Coupons;
using CouponFunctions.Storage.ReadModel;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Storage.Tests.Coupons;

[Collection(AzuriteCollection.Name)]
public sealed class CouponCampaignRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SetAsync_TagThenRetagAndClear_RowsAndTheListShowTheLatest()
    {
        var (campaigns, cache, store) = await SetUpAsync();
        await new StoreReadModelWriter(azurite.Blobs, new ReadModelVersion(azurite.Blobs), Options.Create(new SyncOptions())).WriteCouponsAsync(store, [Stored("v/1"), Stored("v2"), Stored("v3")], Now);

        await campaigns.SetAsync(store.TenantId, store.Id, ["v/1", "v2", "v3"], "Mid-Year Sale");
        var first = await cache.GetRowsAsync(store.TenantId);
        await campaigns.SetAsync(store.TenantId, store.Id, ["v2"], "KOL Anna");
        await campaigns.SetAsync(store.TenantId, store.Id, ["v3"], null);
        await campaigns.SetAsync(store.TenantId, store.Id, ["v3"], null);

        Assert.All(first, r => Assert.Equal("Mid-Year Sale", r.Campaign));
        Assert.Equal(new Dictionary<string, string> { ["v/1"] = "Mid-Year Sale", ["v2"] = "KOL Anna" }, await campaigns.GetStoreAsync(store.TenantId, store.Id));
        var rows = (await cache.GetRowsAsync(store.TenantId)).ToDictionary(r => r.PlatformCouponId, r => r.Campaign);
        Assert.Equal(new Dictionary<string, string?> { ["v/1"] = "Mid-Year Sale", ["v2"] = "KOL Anna", ["v3"] = null }, rows);
    }

    [Fact]
    public async Task SetAsync_ManyWritersAtOnce_TheOverlayEndsWithEveryonesRows()
    {
        var (campaigns, cache, store) = await SetUpAsync();
        var ids = Enumerable.Range(0, 12).Select(i => $"v{i}").ToList();
        await new StoreReadModelWriter(azurite.Blobs, new ReadModelVersion(azurite.Blobs), Options.Create(new SyncOptions())).WriteCouponsAsync(store, ids.Select(Stored).ToList(), Now);

        await Task.WhenAll(ids.Select(id => campaigns.SetAsync(store.TenantId, store.Id, [id], $"Campaign {id}")));

        Assert.All(await cache.GetRowsAsync(store.TenantId), r => Assert.Equal($"Campaign {r.PlatformCouponId}", r.Campaign));
    }

    [Fact]
    public async Task LoadStore_TaggedCoupons_CouponRowsAreUntouchedByTags()
    {
        var (campaigns, _, store) = await SetUpAsync();
        var coupons = new CouponRepository(azurite.Tables);
        await coupons.ApplyAsync(store.TenantId, store.Id, "run-1", Now, [new CouponWrite(CouponWriteKind.Created, Stored("v1"), [], null)]);

        await campaigns.SetAsync(store.TenantId, store.Id, ["v1"], "Mid-Year Sale");

        Assert.Equal(["v1"], (await coupons.LoadStoreAsync(store.TenantId, store.Id)).Keys);
        var read = (await coupons.GetAsync(store.TenantId, store.Id, "v1"))!;
        var expected = Stored("v1") with { FirstRunId = "run-1" };
        Assert.Equal(expected, read with { Coupon = expected.Coupon });
        Assert.Equal(("Coupon v1", 5m), (read.Coupon.Name, read.Coupon.DiscountAmount));
    }

    private async Task<(CouponCampaignRepository, CouponReadModelCache, Store)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Coupons);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Stores);
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.ReadModel).CreateIfNotExistsAsync();
        var store = new Store
        {
            TenantId = TenantId.Parse(azurite.UniqueName("t")), Id = StoreId.New(), Platform = Platform.Shopee, Site = "TH", ShopId = "1",
            DisplayName = "Shop", TimeZoneId = "Asia/Bangkok", CreatedAt = Now, UpdatedAt = Now,
        };
        var version = new ReadModelVersion(azurite.Blobs);
        return (new CouponCampaignRepository(azurite.Tables, new CampaignOverlayWriter(azurite.Blobs, version)), ReadModelCaches.New(azurite), store);
    }

    private static StoredCoupon Stored(string id) => new(new Coupon
    {
        Platform = Platform.Shopee, PlatformCouponId = id, Name = $"Coupon {id}", Reward = RewardType.FixedAmount, DiscountAmount = 5,
        ValidFrom = Now, ValidTo = Now.AddDays(9), Currency = "THB", Status = CouponStatus.Ongoing, RawStatus = "ongoing",
    }, "h", Now, Now);
}
