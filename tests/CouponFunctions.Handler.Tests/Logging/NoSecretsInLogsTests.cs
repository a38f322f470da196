using System.Net;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Handler.Tests.Logging;

/// <summary>Everything the app logs through a day's work (syncs, platform faults, OAuth, keyed API calls) holds no secret.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoSecretsInLogsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Logs_SyncFaultsOAuthAndApiCalls_NeverContainSecrets()
    {
        var logs = new CapturingLoggerProvider();
        await using var bed = await SyncTestBed.StartAsync(azurite, services: s => s.AddSingleton<ILoggerProvider>(logs));
        bed.Shopee.AddShop(780_001, "SG", SyncTestBed.PartnerId);
        var tokens = bed.Shopee.IssueTokens(SyncTestBed.PartnerId, 780_001);
        var (_, created) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site = "SG", shopId = "780001", displayName = "Logged shop",
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken },
        });
        var store = created!["id"]!.GetValue<string>();
        bed.SeedVouchers(780_001, 20);
        await bed.SyncAsync(store);
        bed.Shopee.Faults.Set(new FaultPlan { ErrorRate = 1 }, "780001");
        await bed.SyncAsync(store);
        bed.Shopee.Faults.Clear("780001");

        bed.Shopee.AuthorizingShopId = 780_001;
        var (_, authorize) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/authorize");
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var callback = (await browser.GetAsync(authorize!["authorizationUrl"]!.GetValue<string>())).Headers.Location!;
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        var landing = await bed.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        await bed.Admin.GetAsync("/api/coupons");
        await bed.Factory.WithKey(bed.AdminKey[..^4] + "0000").GetAsync("/api/coupons");

        var secrets = new[] { tokens.AccessToken, tokens.RefreshToken, SyncTestBed.PartnerKey, bed.AdminKey.Split('_')[3], code };
        Assert.NotEmpty(logs.Lines);
        foreach (var line in logs.Lines)
            foreach (var secret in secrets)
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"A secret appears in a log line: {line[..Math.Min(line.Length, 300)]}");
    }
}
