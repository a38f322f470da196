using System.Net;
using CouponFunctions.Core.Stores;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CouponFunctions.Handler.Tests.Api.Stores;

/// <summary>Connecting a store through the platform's own authorization page (the sandboxes simulate the seller approving).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConnectStoreTests(AzuriteFixture azurite)
{
    private const string LazadaKey = "112233";
    private const string LazadaSecret = "lazada-sandbox-secret-for-tests";

    [Fact]
    public async Task Authorize_ShopeeSellerApproves_StoreIsConnectedAndSyncs()
    {
        await using var bed = await StartAsync();
        bed.Shopee.AddShop(760_001, "SG", SyncTestBed.PartnerId);
        bed.Shopee.AuthorizingShopId = 760_001;
        bed.SeedVouchers(760_001, 7);
        var store = await AddStoreAsync(bed, "shopee", "SG", "760001");

        var landing = await AuthorizeAsync(bed, store);

        Assert.Contains($"#/stores?connected={store}", landing, StringComparison.Ordinal);
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        Assert.True(detail!["connected"]!.GetValue<bool>());
        await bed.SyncAsync(store);
        var (_, runs) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs");
        Assert.Equal(7, runs!["items"]![0]!["counts"]!["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task Authorize_LazadaSellerApproves_StoreIsConnected()
    {
        await using var bed = await StartAsync();
        bed.Host.Lazada.AddApp(LazadaKey, LazadaSecret);
        bed.Host.Lazada.AddSeller(990_001, "MY", LazadaKey);
        var store = await AddStoreAsync(bed, "lazada", "MY", "990001");

        var landing = await AuthorizeAsync(bed, store);

        Assert.Contains("connected=", landing, StringComparison.Ordinal);
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        Assert.True(detail!["connected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Authorize_SellerApprovesAnotherShop_IsRefusedAndStoreStaysUnconnected()
    {
        await using var bed = await StartAsync();
        bed.Shopee.AddShop(760_002, "SG", SyncTestBed.PartnerId);
        bed.Shopee.AddShop(760_003, "SG", SyncTestBed.PartnerId);
        bed.Shopee.AuthorizingShopId = 760_003;
        var store = await AddStoreAsync(bed, "shopee", "SG", "760002");
        var calls = bed.Shopee.Stats.Calls;

        var landing = await AuthorizeAsync(bed, store);

        Assert.Contains("authError=", landing, StringComparison.Ordinal);
        // The redirect names shop 760003: refused before token/get, so the only Shopee call was the auth page itself.
        Assert.Equal(calls + 1, bed.Shopee.Stats.Calls);
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        Assert.False(detail!["connected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Callback_TamperedState_IsRefusedWithoutAnyPlatformCall()
    {
        await using var bed = await StartAsync();
        var callbacks = bed.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var calls = bed.Shopee.Stats.Calls;

        var response = await callbacks.GetAsync("/api/oauth/shopee/callback?code=abc&shop_id=1&state=v1.deadbeef.AAAA");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("authError=", Uri.UnescapeDataString(response.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal(calls, bed.Shopee.Stats.Calls);
    }

    private async Task<SyncTestBed> StartAsync()
    {
        return await SyncTestBed.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Platforms:Lazada:AppKey"] = LazadaKey,
            ["Platforms:Lazada:AppSecret"] = LazadaSecret,
            ["Platforms:Lazada:UseBaseUrlForAllSites"] = "true",
            ["Platforms:Lazada:BaseUrl"] = "{sandbox}/sandbox/lazada/rest",
            ["Platforms:Lazada:AuthBaseUrl"] = "{sandbox}/sandbox/lazada/rest",
            ["Platforms:Lazada:AuthorizeUrl"] = "{sandbox}/sandbox/lazada/oauth/authorize",
        }, platforms: [Platform.Shopee, Platform.Lazada]);
    }

    private static async Task<string> AddStoreAsync(SyncTestBed bed, string platform, string site, string shopId)
    {
        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform, site, shopId, displayName = $"{platform} {shopId}" });
        Assert.Equal(201, status);
        Assert.False(body!["connected"]!.GetValue<bool>());
        return body["id"]!.GetValue<string>();
    }

    /// <summary>Plays the seller's browser: our authorize URL → the platform's page → its redirect to our callback → the admin page.</summary>
    private static async Task<string> AuthorizeAsync(SyncTestBed bed, string store)
    {
        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/authorize");
        Assert.Equal(200, status);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var platformPage = await browser.GetAsync(body!["authorizationUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Redirect, platformPage.StatusCode);
        var callback = platformPage.Headers.Location!;
        Assert.Equal("/api/oauth", string.Join("", callback.AbsolutePath.Split('/').Take(3).Select((p, i) => i == 0 ? p : "/" + p)));
        var callbacks = bed.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var landing = await callbacks.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        return Uri.UnescapeDataString(landing.Headers.Location!.ToString());
    }
}
