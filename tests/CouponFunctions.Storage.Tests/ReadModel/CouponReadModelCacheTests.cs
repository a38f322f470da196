using CouponFunctions.Core.Common;
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
        var writer = await WriterAsync();
        var cache = ReadModelCaches.New(azurite);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var a = Store(tenant, "s-a");
        var b = Store(tenant, "s-b");

        await writer.WriteCouponsAsync(a, [Stored("1", CouponStatus.Ongoing, Now.AddDays(3)), Stored("2", CouponStatus.Ended, Now.AddDays(-60))], Now);
        await writer.WriteCouponsAsync(b, [Stored("3", CouponStatus.Upcoming, Now.AddDays(9))], Now);
        var first = await cache.GetRowsAsync(tenant);

        await writer.WriteCouponsAsync(b, [Stored("3", CouponStatus.Upcoming, Now.AddDays(9)), Stored("4", CouponStatus.Ongoing, Now.AddDays(1))], Now);
        await writer.WriteFindingsAsync(tenant, a.Id, [Tracked(a, "1", FindingSeverity.Warning), Tracked(a, "1", FindingSeverity.Critical, "stock.out")]);
        var second = await cache.GetRowsAsync(tenant);
        var other = await ReadModelCaches.New(azurite).GetRowsAsync(tenant);

        Assert.Equal(["1", "2", "3"], first.Select(r => r.PlatformCouponId).Order());
        Assert.True(first.Single(r => r.PlatformCouponId == "2").IsArchived);
        Assert.Equal(["1", "2", "3", "4"], second.Select(r => r.PlatformCouponId).Order());
        var flagged = second.Single(r => r.PlatformCouponId == "1");
        Assert.Equal(2, flagged.OpenFindings);
        Assert.Equal("critical", flagged.HighestSeverity);
        Assert.Equal(second.Select(r => r.PlatformCouponId).Order(), other.Select(r => r.PlatformCouponId).Order());
        Assert.Empty(await cache.GetRowsAsync(TenantId.Parse(azurite.UniqueName("t"))));
    }

    [Fact]
    public async Task GetSnapshot_NothingChangedSinceLastCall_OneSmallStorageRequest()
    {
        var writer = await WriterAsync();
        var cache = ReadModelCaches.New(azurite);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var stores = ReadModelCaches.Stores(azurite);
        foreach (var id in new[] { "s-a", "s-b", "s-c" })
        {
            await stores.AddAsync(Store(tenant, id));
            await writer.WriteCouponsAsync(Store(tenant, id), [Stored(id + "1", CouponStatus.Ongoing, Now.AddDays(3))], Now);
        }

        var (firstRows, firstRequests) = await CountedAsync(() => cache.GetSnapshotAsync(tenant));
        var (again, againRequests) = await CountedAsync(() => cache.GetSnapshotAsync(tenant));

        // The first call lists the segments, downloads three and reads the stores; the next only reads the list version.
        Assert.Equal(1 + 1 + 3 + 1, firstRequests);
        Assert.Equal(1, againRequests);
        Assert.Same(firstRows.Rows, again.Rows);
        Assert.Equal(3, again.StoreStatuses.Count);
    }

    [Fact]
    public async Task GetSnapshot_SegmentRewrittenByAnotherInstance_NextCallReloadsOnlyThatSegment()
    {
        var writer = await WriterAsync();
        var cache = ReadModelCaches.New(azurite);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        await writer.WriteCouponsAsync(Store(tenant, "s-a"), [Stored("a1", CouponStatus.Ongoing, Now.AddDays(3))], Now);
        await writer.WriteCouponsAsync(Store(tenant, "s-b"), [Stored("b1", CouponStatus.Ongoing, Now.AddDays(3))], Now);
        await cache.GetSnapshotAsync(tenant);

        await writer.WriteCouponsAsync(Store(tenant, "s-b"), [Stored("b1", CouponStatus.Ended, Now.AddDays(3)), Stored("b2", CouponStatus.Ongoing, Now.AddDays(4))], Now);
        var (after, requests) = await CountedAsync(() => cache.GetSnapshotAsync(tenant));

        Assert.Equal(["a1", "b1", "b2"], after.Rows.Select(r => r.PlatformCouponId).Order());
        Assert.Equal(CouponStatus.Ended, after.Rows.Single(r => r.PlatformCouponId == "b1").Status);
        // The version, the listing, the one changed segment and the stores.
        Assert.Equal(4, requests);
    }

    [Fact]
    public async Task GetSnapshot_StoreDisabledByAnotherInstance_NextCallSeesItsStatus()
    {
        var writer = await WriterAsync();
        var cache = ReadModelCaches.New(azurite);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var stores = ReadModelCaches.Stores(azurite);
        await stores.AddAsync(Store(tenant, "s-a"));
        await writer.WriteCouponsAsync(Store(tenant, "s-a"), [Stored("a1", CouponStatus.Ongoing, Now.AddDays(3))], Now);
        var before = await cache.GetSnapshotAsync(tenant);

        var stored = (await stores.GetAsync(tenant, StoreId.Parse("s-a")))!;
        Assert.True(await stores.UpdateAsync(stored with { Status = StoreStatus.Disabled }));
        var after = await cache.GetSnapshotAsync(tenant);

        Assert.Equal(StoreStatus.Active, before.StoreStatuses[StoreId.Parse("s-a")]);
        Assert.Equal(StoreStatus.Disabled, after.StoreStatuses[StoreId.Parse("s-a")]);
    }

    [Fact]
    public async Task GetSnapshot_SegmentWrittenWithoutNewVersion_SeenOnceTheRecheckIntervalHasPassed()
    {
        var writer = await WriterAsync();
        var time = new ManualTimeProvider(Now);
        var cache = ReadModelCaches.New(azurite, time);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        await writer.WriteCouponsAsync(Store(tenant, "s-a"), [Stored("a1", CouponStatus.Ongoing, Now.AddDays(3))], Now);
        await cache.GetSnapshotAsync(tenant);

        // A writer that stopped between its upload and its version mark: the segment is there, the version is as before.
        var elsewhere = TenantId.Parse(azurite.UniqueName("t"));
        await writer.WriteCouponsAsync(Store(elsewhere, "s-b"), [Stored("b1", CouponStatus.Ongoing, Now.AddDays(3))], Now);
        var container = azurite.Blobs.GetBlobContainerClient(ContainerNames.ReadModel);
        var segment = (await container.GetBlobClient($"{elsewhere.Value}/s-b.coupons.gz").DownloadContentAsync()).Value.Content;
        await container.GetBlobClient($"{tenant.Value}/s-b.coupons.gz").UploadAsync(segment);
        var trusted = await cache.GetSnapshotAsync(tenant);
        time.Advance(CouponReadModelCache.RecheckAfter);
        var rechecked = await cache.GetSnapshotAsync(tenant);

        Assert.Equal(["a1"], trusted.Rows.Select(r => r.PlatformCouponId));
        Assert.Equal(["a1", "b1"], rechecked.Rows.Select(r => r.PlatformCouponId).Order());
    }

    private async Task<StoreReadModelWriter> WriterAsync()
    {
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.ReadModel).CreateIfNotExistsAsync();
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Stores);
        return new StoreReadModelWriter(azurite.Blobs, new ReadModelVersion(azurite.Blobs), Options.Create(new SyncOptions()));
    }

    private static async Task<(T Result, int StorageRequests)> CountedAsync<T>(Func<Task<T>> call)
    {
        var timings = RequestTimings.Start();
        var result = await call();
        return (result, timings.Get("storage")?.Count ?? 0);
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
