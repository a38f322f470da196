using System.Globalization;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Tokens;

/// <summary>A sync whose access token has lapsed (the refresh timer missed it) refreshes it once and carries on.</summary>
[Collection(AppCollection.Name)]
public sealed class TokenExpiryTests(AppHostFixture app)
{
    [Fact]
    public async Task SyncStore_AccessTokenAlreadyExpired_RefreshesItselfAndSyncs()
    {
        var bed = await app.NewWorkspaceAsync();
        bed.Shopee.AddShop(750_003, "TH", AppFixture.PartnerId);
        bed.SeedVouchers(750_003, 12);
        // A token that lapses at once, on the sandbox's real clock (the worker has its own).
        var lifetime = bed.Shopee.Options.AccessTokenLifetime;
        bed.Shopee.Options.AccessTokenLifetime = TimeSpan.FromMilliseconds(300);
        string store;
        try
        {
            store = await bed.AddShopeeStoreAsync(750_003, shopExists: true);
        }
        finally
        {
            bed.Shopee.Options.AccessTokenLifetime = lifetime;
        }
        var (_, before) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        var lapsedAt = DateTimeOffset.Parse(before!["tokenExpiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(await Eventually.TrueAsync(() => bed.Shopee.Clock.GetUtcNow() > lapsedAt));

        var run = await bed.SyncAsync(store);

        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(12, run["counts"]!["created"]!.GetValue<int>());
        var (_, after) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}");
        Assert.True(DateTimeOffset.Parse(after!["tokenExpiresAt"]!.GetValue<string>(), CultureInfo.InvariantCulture) > bed.Shopee.Clock.GetUtcNow().AddHours(3));
    }
}
