using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Sync;

/// <summary>The SyncStore queue function against the Shopee sandbox: a manual sync goes through the real queue and worker.</summary>
[Collection(AppCollection.Name)]
public sealed class SyncStoreTests(AppHostFixture app)
{
    [Fact]
    public async Task SyncStore_NewStore_CreatesEveryCouponAcrossPagesAndStatuses()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(700_001);
        bed.SeedVouchers(700_001, 250);

        var run = await bed.SyncAsync(store);

        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(250, run["counts"]!["created"]!.GetValue<int>());
        Assert.Equal(250, await bed.CountRowsAsync(store, "c_"));
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?store={store}&include=archived&pageSize=500");
        Assert.Equal(250, list!["totalMatched"]!.GetValue<int>());
    }

    [Fact]
    public async Task SyncStore_PlatformChanged_WritesOnlyTheChangesAndRecordsHistory()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(700_002);
        var vouchers = bed.SeedVouchers(700_002, 30);
        await bed.SyncAsync(store);
        var changed = vouchers[1];
        var removed = vouchers[4];
        bed.Shopee.SetUsage(700_002, changed.VoucherId, 42);
        bed.Shopee.EditVoucher(700_002, vouchers[7].VoucherId, v => v with { Name = "Renamed in Seller Centre" });
        bed.Shopee.RemoveVoucher(700_002, removed.VoucherId);
        var added = bed.Shopee.AddVoucher(700_002, vouchers[0] with { VoucherId = 0, Code = "NEW01", Name = "Brand new" });

        var counts = (await bed.SyncAsync(store))["counts"]!;

        Assert.Equal(30, counts["fetched"]!.GetValue<int>());
        Assert.Equal(1, counts["created"]!.GetValue<int>());
        Assert.Equal(2, counts["updated"]!.GetValue<int>());
        Assert.Equal(1, counts["removed"]!.GetValue<int>());
        Assert.Equal(27, counts["unchanged"]!.GetValue<int>());

        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{changed.VoucherId}");
        var history = detail!["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        var change = Assert.Single(history[0]!["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "usedCount");
        Assert.Equal("42", change!["to"]!.GetValue<string>());
        var (_, gone) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{removed.VoucherId}");
        Assert.NotNull(gone!["removedAt"]);
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{added.VoucherId}")).Status);
        var (_, defaultList) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?store={store}&include=archived&pageSize=500");
        Assert.DoesNotContain(defaultList!["items"]!.AsArray(), r => r!["platformCouponId"]!.GetValue<string>() == removed.VoucherId.ToString());
    }

    [Fact]
    public async Task SyncStore_ImmediateResyncWithoutChanges_WritesNoEntity()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(700_003);
        bed.SeedVouchers(700_003, 120);
        await bed.SyncAsync(store);
        var before = await RowTimestampsAsync(bed, store);

        var counts = (await bed.SyncAsync(store))["counts"]!;

        Assert.Equal(120, counts["unchanged"]!.GetValue<int>());
        Assert.Equal(0, counts["created"]!.GetValue<int>() + counts["updated"]!.GetValue<int>() + counts["removed"]!.GetValue<int>());
        Assert.Equal(before, await RowTimestampsAsync(bed, store));
    }

    [Fact]
    public async Task RequestSync_DisabledOrUnconnectedStore_Answers422AndQueuesNothing()
    {
        var bed = await app.NewWorkspaceAsync();
        var disabled = await bed.AddShopeeStoreAsync(700_006);
        await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{disabled}/disable");
        var unconnected = await bed.Admin.AddStoreAsync("700007");

        var (disabledStatus, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{disabled}/sync");
        var (unconnectedStatus, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{unconnected}/sync");

        Assert.Equal(422, disabledStatus);
        Assert.Contains("disabled", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(422, unconnectedStatus);
        Assert.Empty(await bed.SyncRunsAsync(disabled));
    }

    private static async Task<List<string>> RowTimestampsAsync(Workspace bed, string store)
    {
        var table = bed.App.Tables.GetTableClient(CouponFunctions.Storage.TableNames.Coupons);
        var rows = new List<string>();
        await foreach (var e in table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {$"{bed.Tenant.Value}_{store}"}")))
            rows.Add($"{e.RowKey}:{e.ETag}");
        return rows;
    }
}
