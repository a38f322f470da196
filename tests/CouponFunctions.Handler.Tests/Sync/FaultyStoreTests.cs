using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.Handler.Tests.Sync;

/// <summary>One store's platform faults never stop the others, and the failure is recorded the way operators need it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultyStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SyncCoupons_OneStoreFailing_OthersSyncAndTheFailureIsRecordedRedacted()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var healthyA = await bed.AddShopeeStoreAsync(710_001, "SG");
        var faulty = await bed.AddShopeeStoreAsync(710_002, "TH");
        var healthyB = await bed.AddShopeeStoreAsync(710_003, "VN");
        foreach (var shop in new long[] { 710_001, 710_002, 710_003 }) bed.SeedVouchers(shop, 40);
        bed.Shopee.Faults.Set(new FaultPlan { ErrorRate = 1 }, "710002");

        var (timer, _) = await bed.FireTimerAsync("SyncCoupons");
        var delivered = await bed.DrainAsync(QueueNames.SyncStore, "SyncStore");

        Assert.Equal(200, timer);
        Assert.True(delivered >= 3);
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/stores");
        var stores = list!["items"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["sync"]!);
        Assert.Equal("succeeded", stores[healthyA]["lastStatus"]!.GetValue<string>());
        Assert.Equal("succeeded", stores[healthyB]["lastStatus"]!.GetValue<string>());
        Assert.Equal(40, stores[healthyA]["couponCount"]!.GetValue<int>());
        var failure = stores[faulty]["lastFailure"]!;
        Assert.Equal("failed", stores[faulty]["lastStatus"]!.GetValue<string>());
        Assert.Equal("error_server", failure["platformCode"]!.GetValue<string>());
        Assert.Equal(500, failure["httpStatus"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(failure["requestId"]?.GetValue<string>()));
        var url = failure["requestUrl"]!.GetValue<string>();
        Assert.Contains("/api/v2/voucher/get_voucher_list", url, StringComparison.Ordinal);
        Assert.Contains("access_token=***", url, StringComparison.Ordinal);
        Assert.Contains("sign=***", url, StringComparison.Ordinal);

        var (_, failures) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{faulty}/failures");
        var recorded = failures!["items"]!.AsArray();
        Assert.NotEmpty(recorded);
        Assert.DoesNotContain(SyncTestBed.PartnerKey, failures.ToJsonString(), StringComparison.Ordinal);
        Assert.All(recorded, f => Assert.Contains("access_token=***", f!["requestUrl"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncCoupons_DisabledOrUnconnectedStores_AreNotPlanned()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var active = await bed.AddShopeeStoreAsync(711_001);
        var disabled = await bed.AddShopeeStoreAsync(711_002);
        await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{disabled}/disable");
        var (_, unconnected) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "shopee", site = "SG", shopId = "711003", displayName = "No token" });

        await bed.FireTimerAsync("SyncCoupons");
        await bed.DrainAsync(QueueNames.SyncStore, "SyncStore");

        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/stores");
        var sync = list!["items"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["sync"]);
        Assert.Equal("succeeded", sync[active]!["lastStatus"]!.GetValue<string>());
        Assert.Null(sync[disabled]);
        Assert.Null(sync[unconnected!["id"]!.GetValue<string>()]);
    }
}
