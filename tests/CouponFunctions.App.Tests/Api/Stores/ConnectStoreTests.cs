using System.Net;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Api.Stores;

/// <summary>Connecting a store through the platform's own authorization page (the sandboxes simulate the seller approving).</summary>
[Collection(AppCollection.Name)]
public sealed class ConnectStoreTests(AppHostFixture app)
{

    [Fact]
    public async Task Authorize_ShopeeSellerApproves_StoreIsConnectedAndSyncs()
    {
        var bed = await app.NewWorkspaceAsync();
        bed.Shopee.AddShop(760_001, "SG", AppFixture.PartnerId);
        bed.Shopee.AuthorizingShopId = 760_001;
        bed.SeedVouchers(760_001, 7);
        var store = await AddStoreAsync(bed, "shopee", "SG", "760001");

        var landing = await AuthorizeAsync(bed, store);

        Assert.Contains($"#/stores?connected={store}", landing, StringComparison.Ordinal);
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        Assert.True(detail!["connected"]!.GetValue<bool>());
        var run = await bed.SyncAsync(store);
        Assert.Equal(7, run["counts"]!["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task Authorize_LazadaSellerApproves_StoreIsConnected()
    {
        var bed = await app.NewWorkspaceAsync();
                app.Lazada.AddSeller(990_001, "MY", AppFixture.LazadaKey);
        var store = await AddStoreAsync(bed, "lazada", "MY", "990001");

        var landing = await AuthorizeAsync(bed, store);

        Assert.Contains("connected=", landing, StringComparison.Ordinal);
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        Assert.True(detail!["connected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Authorize_SellerApprovesAnotherShop_IsRefusedAndStoreStaysUnconnected()
    {
        var bed = await app.NewWorkspaceAsync();
        bed.Shopee.AddShop(760_002, "SG", AppFixture.PartnerId);
        bed.Shopee.AddShop(760_003, "SG", AppFixture.PartnerId);
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
        var bed = await app.NewWorkspaceAsync();
        using var callbacks = bed.App.Client(redirects: false);
        var calls = bed.Shopee.Stats.Calls;

        var response = await callbacks.GetAsync("/api/oauth/shopee/callback?code=abc&shop_id=1&state=v1.deadbeef.AAAA");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("authError=", Uri.UnescapeDataString(response.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal(calls, bed.Shopee.Stats.Calls);
    }

    private static async Task<string> AddStoreAsync(Workspace bed, string platform, string site, string shopId)
    {
        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform, site, shopId, displayName = $"{platform} {shopId}" });
        Assert.Equal(201, status);
        Assert.False(body!["connected"]!.GetValue<bool>());
        return body["id"]!.GetValue<string>();
    }

    /// <summary>Plays the seller's browser: our authorize URL → the platform's page → its redirect to our callback → the admin page.</summary>
    private static async Task<string> AuthorizeAsync(Workspace bed, string store)
    {
        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/authorize");
        Assert.Equal(200, status);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var platformPage = await browser.GetAsync(body!["authorizationUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Redirect, platformPage.StatusCode);
        var callback = platformPage.Headers.Location!;
        Assert.Equal("/api/oauth", string.Join("", callback.AbsolutePath.Split('/').Take(3).Select((p, i) => i == 0 ? p : "/" + p)));
        using var callbacks = bed.App.Client(redirects: false);
        var landing = await callbacks.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        return Uri.UnescapeDataString(landing.Headers.Location!.ToString());
    }
}
