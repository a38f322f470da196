using System.Globalization;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Tokens;

/// <summary>
/// The RefreshTokens timer (every two seconds here) and the RefreshStoreToken messages it plans, against the Shopee
/// sandbox (single-use refresh tokens). "Expiring soon" is the expiry the app was given, within Tokens:RefreshAhead.
/// </summary>
[Collection(TimersCollection.Name)]
public sealed class TokenRefreshTests(TimersFixture app)
{
    [Fact]
    public async Task RefreshTokens_TokenExpiringSoon_RefreshesAheadAndTheStoreKeepsSyncing()
    {
        var bed = await app.NewWorkspaceAsync();
        bed.Shopee.AddShop(750_001, "TH", AppFixture.PartnerId);
        bed.SeedVouchers(750_001, 5);
        var claimed = bed.Shopee.Clock.GetUtcNow().AddHours(1);
        var store = await bed.AddShopeeStoreAsync(750_001, claimedExpiry: claimed, shopExists: true);

        DateTimeOffset after = default;
        Assert.True(await Eventually.TrueAsync(async () => (after = await TokenExpiresAtAsync(bed, store)) > claimed, seconds: 60),
            $"The token was not refreshed. Host output:\n{Workspace.Tail(app.Host.Output)}");

        Assert.True(after > claimed.AddHours(2), $"{after:O} should be about 3 hours after {claimed:O}");
        // The SyncCoupons timer syncs the new store too; a manual sync after it uses the refreshed token.
        await bed.WaitForSyncsAsync(store);
        var run = await bed.SyncAsync(store);
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(after, await TokenExpiresAtAsync(bed, store));
    }

    [Fact]
    public async Task RefreshStoreToken_PlatformRefuses_MarksTheStoreAndAlertsOnce()
    {
        var bed = await app.NewWorkspaceAsync();
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" } });
        var store = await bed.AddShopeeStoreAsync(750_002, "SG", claimedExpiry: bed.Shopee.Clock.GetUtcNow().AddMinutes(30), refreshToken: "not-a-real-refresh-token");

        var detail = (await bed.StoresAsync())[store];
        Assert.True(await Eventually.TrueAsync(async () =>
            (detail = (await bed.StoresAsync())[store])["status"]!.GetValue<string>() == "needsReauthorization", seconds: 60),
            $"The store was not marked. Host output:\n{Workspace.Tail(app.Host.Output)}");

        Assert.Contains("authorize the store again", detail["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(async () => (await bed.OutboxAsync("store.reauthorize")).Count > 0));
        Assert.Single(await bed.OutboxAsync("store.reauthorize"));
    }

    private static async Task<DateTimeOffset> TokenExpiresAtAsync(Workspace bed, string store)
    {
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        return DateTimeOffset.Parse(detail!["tokenExpiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }
}
