using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Coupons;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Coupons;

[Collection(AzuriteCollection.Name)]
public sealed class CouponRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LoadStore_MoreThanOneThousandCoupons_ReadsEveryPageAndNoHistoryRows()
    {
        var (repository, tenant, store) = await SetUpAsync();
        var writes = Enumerable.Range(0, 1_234).Select(i => Write($"v{i:D5}", alert: i % 100 == 0)).ToList();

        await repository.ApplyAsync(tenant, store, "run-1", Now, writes);
        var loaded = await repository.LoadStoreAsync(tenant, store);

        Assert.Equal(1_234, loaded.Count);
        Assert.Equal("Coupon v01233", loaded["v01233"].Coupon.Name);
        Assert.Equal(13, (await repository.GetPendingAlertsAsync(tenant, store)).Count);
    }

    [Fact]
    public async Task ApplyAndGet_CouponWithEveryField_RoundTrips()
    {
        var (repository, tenant, store) = await SetUpAsync();
        var write = Write("Shopee/ÉTÉ#1") with { Next = Stored("Shopee/ÉTÉ#1") with { RemovedAt = Now, StockOutSince = Now.AddHours(-1), Day = new CouponDayStart(new DateOnly(2026, 11, 21), 12, 3) } };

        await repository.ApplyAsync(tenant, store, "run-1", Now, [write]);
        var read = await repository.GetAsync(tenant, store, "Shopee/ÉTÉ#1");

        Assert.Equal(write.Next, read! with { Coupon = write.Next.Coupon });
        Assert.Equal(write.Next.Coupon.Name, read.Coupon.Name);
        Assert.Equal(write.Next.Coupon.ValidTo, read.Coupon.ValidTo);
        Assert.Null(await repository.GetAsync(tenant, store, "missing"));
    }

    [Fact]
    public async Task GetHistory_SeveralRuns_NewestFirstUpToMax()
    {
        var (repository, tenant, store) = await SetUpAsync();
        for (var run = 0; run < 4; run++)
        {
            var change = new FieldChange("remaining", $"{100 - run}", $"{99 - run}");
            await repository.ApplyAsync(tenant, store, $"run-{run}", Now.AddHours(run), [Write("v1") with { Changes = [change] }]);
        }

        var history = await repository.GetHistoryAsync(tenant, store, "v1", max: 3);

        Assert.Equal(["run-3", "run-2", "run-1"], history.Select(h => h.RunId));
        Assert.Equal("96", history[0].Changes.Single().To);
    }

    [Fact]
    public async Task GetHistory_CouponSeenThenChanged_FirstSightingKeptOnItsRowNotAsAHistoryRow()
    {
        var (repository, tenant, store) = await SetUpAsync();
        await repository.ApplyAsync(tenant, store, "run-1", Now, [new CouponWrite(CouponWriteKind.Created, Stored("v1"), [], null)]);
        var rows = await azurite.Tables.GetTableClient(TableNames.Coupons)
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == Keys.StorePartition(tenant, store)).ToListAsync();
        var loaded = (await repository.LoadStoreAsync(tenant, store))["v1"];
        var change = new FieldChange("remaining", "95", "94");
        await repository.ApplyAsync(tenant, store, "run-2", Now.AddHours(1), [new CouponWrite(CouponWriteKind.Updated, loaded with { LastChangedAt = Now.AddHours(1) }, [change], null)]);

        var history = await repository.GetHistoryAsync(tenant, store, "v1", max: 10);

        Assert.Equal(["c_v1"], rows.Select(r => r.RowKey));
        Assert.Equal("run-1", loaded.FirstRunId);
        Assert.Equal(["run-2"], history.Select(h => h.RunId));
        Assert.Equal((Now.AddDays(-2), "run-1", 0), (loaded.FirstSighting!.At, loaded.FirstSighting.RunId, loaded.FirstSighting.Changes.Count));
        Assert.Equal("run-1", (await repository.LoadStoreAsync(tenant, store))["v1"].FirstRunId);
        Assert.Equal(["run-2"], (await repository.GetHistoryAsync(tenant, store, "v1", max: 1)).Select(h => h.RunId));
    }

    [Fact]
    public async Task DeletePendingAlert_Twice_SecondIsANoOp()
    {
        var (repository, tenant, store) = await SetUpAsync();
        await repository.ApplyAsync(tenant, store, "run-1", Now, [Write("v1", alert: true)]);
        var alert = Assert.Single(await repository.GetPendingAlertsAsync(tenant, store));

        await repository.DeletePendingAlertAsync(tenant, store, alert.Key);
        await repository.DeletePendingAlertAsync(tenant, store, alert.Key);

        Assert.Empty(await repository.GetPendingAlertsAsync(tenant, store));
        Assert.Equal("stock.out", alert.Kind);
    }

    [Fact]
    public async Task LoadStore_StoreWhoseIdExtendsAnother_SeesOnlyItsOwnRows()
    {
        var (repository, tenant, _) = await SetUpAsync();
        var short_ = StoreId.Parse("s-1");
        var long_ = StoreId.Parse("s-10");
        await repository.ApplyAsync(tenant, short_, "run", Now, [Write("a")]);
        await repository.ApplyAsync(tenant, long_, "run", Now, [Write("b")]);

        Assert.Equal(["a"], (await repository.LoadStoreAsync(tenant, short_)).Keys);
        Assert.Equal(["b"], (await repository.LoadStoreAsync(tenant, long_)).Keys);
    }

    private async Task<(CouponRepository, TenantId, StoreId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Coupons);
        return (new CouponRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")), StoreId.New());
    }

    private static CouponWrite Write(string id, bool alert = false) => new(
        CouponWriteKind.Created,
        Stored(id),
        [new FieldChange("status", null, "ongoing")],
        alert ? new PendingAlert($"stockout_{id}", "stock.out", id, Now) : null);

    private static StoredCoupon Stored(string id) => new(new Coupon
    {
        Platform = Platform.Shopee, PlatformCouponId = id, Name = $"Coupon {id}", Code = "SAVE10", Reward = RewardType.Percentage, Percentage = 10,
        TotalQuantity = 100, UsedCount = 5, ValidFrom = Now.AddDays(-1), ValidTo = Now.AddDays(9), Currency = "SGD", Status = CouponStatus.Ongoing, RawStatus = "1",
    }, "hash-" + id, Now.AddDays(-2), Now);
}
