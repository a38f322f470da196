using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.ReadModel;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Storage.Tests.ReadModel;

[Collection(AzuriteCollection.Name)]
public sealed class CouponReadModelCacheTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetRows_SegmentsWrittenAndRewritten_EveryReaderSeesTheLatest()
    {
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.ReadModel).CreateIfNotExistsAsync();
        var writer = new StoreReadModelWriter(azurite.Blobs, Options.Create(new SyncOptions()));
        var cache = new CouponReadModelCache(azurite.Blobs);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var a = Store(tenant, "s-a");
        var b = Store(tenant, "s-b");

        await writer.WriteCouponsAsync(a, [Stored("1", CouponStatus.Ongoing, Now.AddDays(3)), Stored("2", CouponStatus.Ended, Now.AddDays(-60))], Now);
        await writer.WriteCouponsAsync(b, [Stored("3", CouponStatus.Upcoming, Now.AddDays(9))], Now);
        var first = await cache.GetRowsAsync(tenant);

        await writer.WriteCouponsAsync(b, [Stored("3", CouponStatus.Upcoming, Now.AddDays(9)), Stored("4", CouponStatus.Ongoing, Now.AddDays(1))], Now);
        await writer.WriteFindingsAsync(tenant, a.Id, [Tracked(a, "1", FindingSeverity.Warning), Tracked(a, "1", FindingSeverity.Critical, "stock.out")]);
        var second = await cache.GetRowsAsync(tenant);
        var other = await new CouponReadModelCache(azurite.Blobs).GetRowsAsync(tenant);

        Assert.Equal(["1", "2", "3"], first.Select(r => r.PlatformCouponId).Order());
        Assert.True(first.Single(r => r.PlatformCouponId == "2").IsArchived);
        Assert.Equal(["1", "2", "3", "4"], second.Select(r => r.PlatformCouponId).Order());
        var flagged = second.Single(r => r.PlatformCouponId == "1");
        Assert.Equal(2, flagged.OpenFindings);
        Assert.Equal("critical", flagged.HighestSeverity);
        Assert.Equal(second.Select(r => r.PlatformCouponId).Order(), other.Select(r => r.PlatformCouponId).Order());
        Assert.Empty(await cache.GetRowsAsync(TenantId.Parse(azurite.UniqueName("t"))));
    }

    private static Store Store(TenantId tenant, string id) => new()
    {
        TenantId = tenant, Id = StoreId.Parse(id), Platform = Platform.Lazada, Site = "PH", ShopId = id, DisplayName = id,
        TimeZoneId = "Asia/Manila", CreatedAt = Now, UpdatedAt = Now,
    };

    private static StoredCoupon Stored(string id, CouponStatus status, DateTimeOffset validTo) => new(new Coupon
    {
        Platform = Platform.Lazada, PlatformCouponId = id, Name = $"Coupon {id}", Reward = RewardType.Percentage, Percentage = 10,
        TotalQuantity = 100, UsedCount = 5, ValidFrom = validTo.AddDays(-10), ValidTo = validTo, Currency = "PHP", Status = status, RawStatus = "x",
    }, "h", Now, Now);

    private static TrackedFinding Tracked(Store store, string couponId, FindingSeverity severity, string code = "expiry.soon") => new(new Finding
    {
        Code = code, Severity = severity, TenantId = store.TenantId, StoreId = store.Id, PlatformCouponId = couponId, Message = "m", Action = "a",
    }, FindingState.New, Now, Now);
}
