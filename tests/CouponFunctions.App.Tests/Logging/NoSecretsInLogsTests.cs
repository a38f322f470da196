using System.Net;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.App.Tests.Logging;

/// <summary>
/// Everything the worker and the host print through a day's work (syncs, platform faults, OAuth, keyed API calls) holds
/// no secret: the host's output carries the worker's own log lines (RpcLog) and its console.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NoSecretsInLogsTests(AppHostFixture app)
{
    [Fact]
    public async Task Logs_SyncFaultsOAuthAndApiCalls_NeverContainSecrets()
    {
        var bed = await app.NewWorkspaceAsync();
        bed.Shopee.AddShop(780_001, "SG", AppFixture.PartnerId);
        var tokens = bed.Shopee.IssueTokens(AppFixture.PartnerId, 780_001);
        var (_, created) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site = "SG", shopId = "780001", displayName = "Logged shop",
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken },
        });
        var store = created!["id"]!.GetValue<string>();
        bed.SeedVouchers(780_001, 20);
        await bed.SyncAsync(store);
        bed.Shopee.Faults.Set(new FaultPlan { ErrorRate = 1 }, "780001");
        Assert.Equal("failed", (await bed.SyncAsync(store))["status"]!.GetValue<string>());
        bed.Shopee.Faults.Clear("780001");

        bed.Shopee.AuthorizingShopId = 780_001;
        var (_, authorize) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/authorize");
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var callback = (await browser.GetAsync(authorize!["authorizationUrl"]!.GetValue<string>())).Headers.Location!;
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        using var callbacks = app.Client(redirects: false);
        var landing = await callbacks.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        await bed.Admin.GetAsync("/api/coupons");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithKey(bed.AdminKey[..^4] + "0000").GetAsync("/api/coupons")).StatusCode);
        // A last synced run: its log lines come after everything above.
        await bed.SyncAsync(store);

        var output = app.Host.Output;
        var secrets = new[] { tokens.AccessToken, tokens.RefreshToken, AppFixture.PartnerKey, bed.AdminKey.Split('_')[3], code };
        Assert.Contains(store, output, StringComparison.Ordinal);
        foreach (var line in output.Split('\n'))
            foreach (var secret in secrets)
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"A secret appears in a log line: {line[..Math.Min(line.Length, 300)]}");
    }
}
