using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.App.Tests.Sync;

/// <summary>
/// The SyncCoupons timer (every two seconds here) and the SyncStore messages it plans: one store's platform faults
/// never stop the others, and the failure is recorded the way operators need it.
/// </summary>
[Collection(TimersCollection.Name)]
public sealed class FaultyStoreTests(TimersFixture app)
{
    [Fact]
    public async Task SyncCoupons_OneStoreFailing_OthersSyncAndTheFailureIsRecordedRedacted()
    {
        var bed = await app.NewWorkspaceAsync();
        foreach (var (shop, site) in new[] { (710_001L, "SG"), (710_002L, "TH"), (710_003L, "VN") })
        {
            bed.Shopee.AddShop(shop, site, AppFixture.PartnerId);
            bed.SeedVouchers(shop, 40);
        }
        bed.Shopee.Faults.Set(new FaultPlan { ErrorRate = 1 }, "710002");
        var healthyA = await bed.AddShopeeStoreAsync(710_001, "SG", shopExists: true);
        var faulty = await bed.AddShopeeStoreAsync(710_002, "TH", shopExists: true);
        var healthyB = await bed.AddShopeeStoreAsync(710_003, "VN", shopExists: true);

        var stores = (await bed.WaitForSyncsAsync(healthyA, faulty, healthyB)).ToDictionary(s => s.Key, s => s.Value["sync"]!);

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
        Assert.DoesNotContain(AppFixture.PartnerKey, failures.ToJsonString(), StringComparison.Ordinal);
        Assert.All(recorded, f => Assert.Contains("access_token=***", f!["requestUrl"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncCoupons_DisabledOrUnconnectedStores_AreNotPlanned()
    {
        var bed = await app.NewWorkspaceAsync();
        var (_, unconnected) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "shopee", site = "SG", shopId = "711003", displayName = "No token" });
        // Disabled before it has a token, so no timer could sync it in between; then connected.
        var (_, disabledStore) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "shopee", site = "SG", shopId = "711002", displayName = "Off" });
        var disabled = disabledStore!["id"]!.GetValue<string>();
        await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{disabled}/disable");
        bed.Shopee.AddShop(711_002, "SG", AppFixture.PartnerId);
        var tokens = bed.Shopee.IssueTokens(AppFixture.PartnerId, 711_002);
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{disabled}", new
        {
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken },
        })).Status);
        // The active store is added last: once the timers synced it, they had every chance to plan the other two.
        var active = await bed.AddShopeeStoreAsync(711_001);

        var sync = (await bed.WaitForSyncsAsync(active)).ToDictionary(s => s.Key, s => s.Value["sync"]);
        Assert.Equal("succeeded", sync[active]!["lastStatus"]!.GetValue<string>());
        Assert.Null(sync[disabled]);
        Assert.Null(sync[unconnected!["id"]!.GetValue<string>()]);
    }
}
