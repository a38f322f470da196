using System.Globalization;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.Handler.Tests.Tokens;

/// <summary>RefreshTokens timer and RefreshStoreToken queue function against the Shopee sandbox (4-hour tokens, single-use refresh tokens).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TokenRefreshTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RefreshTokens_TokenExpiringSoon_RefreshesAheadAndTheStoreKeepsSyncing()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var store = await bed.AddShopeeStoreAsync(750_001);
        bed.SeedVouchers(750_001, 5);
        var before = await ExpiresAtAsync(bed, store);
        bed.Clock.Advance(TimeSpan.FromHours(3));

        await bed.FireTimerAsync("RefreshTokens");
        Assert.Equal(1, await bed.DrainAsync(QueueNames.RefreshStoreToken, "RefreshStoreToken"));
        await bed.FireTimerAsync("RefreshTokens");
        Assert.Equal(0, await bed.DrainAsync(QueueNames.RefreshStoreToken, "RefreshStoreToken"));

        var after = await ExpiresAtAsync(bed, store);
        Assert.True(after > before.AddHours(2), $"{after:O} should be about 3 hours after {before:O}");
        await bed.SyncAsync(store);
        var (_, runs) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs");
        Assert.Equal("succeeded", runs!["items"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefreshStoreToken_PlatformRefuses_MarksTheStoreAndAlertsOnce()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" } });
        bed.Shopee.AddShop(750_002, "SG", SyncTestBed.PartnerId);
        var tokens = bed.Shopee.IssueTokens(SyncTestBed.PartnerId, 750_002);
        var (_, created) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site = "SG", shopId = "750002", displayName = "Revoked shop",
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = bed.Clock.GetUtcNow().AddMinutes(30), refreshToken = "not-a-real-refresh-token" },
        });
        var store = created!["id"]!.GetValue<string>();

        await bed.FireTimerAsync("RefreshTokens");
        await bed.DrainAsync(QueueNames.RefreshStoreToken, "RefreshStoreToken");

        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        Assert.Equal("needsReauthorization", detail!["status"]!.GetValue<string>());
        Assert.Contains("authorize the store again", detail["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, outbox) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/outbox");
        Assert.Single(outbox!["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "store.reauthorize");
        await bed.FireTimerAsync("RefreshTokens");
        Assert.Equal(0, await bed.DrainAsync(QueueNames.RefreshStoreToken, "RefreshStoreToken"));
    }

    [Fact]
    public async Task SyncStore_AccessTokenAlreadyExpired_RefreshesItselfAndSyncs()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var store = await bed.AddShopeeStoreAsync(750_003);
        bed.SeedVouchers(750_003, 12);
        bed.Clock.Advance(TimeSpan.FromHours(5));

        var (status, _) = await bed.SyncAsync(store);

        Assert.Equal(200, status);
        var (_, runs) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs");
        Assert.Equal("succeeded", runs!["items"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(12, runs["items"]![0]!["counts"]!["created"]!.GetValue<int>());
        Assert.True(await ExpiresAtAsync(bed, store) > bed.Clock.GetUtcNow());
    }

    private static async Task<DateTimeOffset> ExpiresAtAsync(SyncTestBed bed, string store)
    {
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        return DateTimeOffset.Parse(detail!["tokenExpiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }
}
