using System.Net;
using System.Web;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Tests.TestDoubles;

namespace CouponFunctions.Platforms.Tests.TikTok;

public sealed class TikTokClientAuthTests : IAsyncLifetime
{
    private TikTokTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TikTokTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task BuildAuthorizationUrl_Followed_CodeExchangesForSellerTokenWithEveryShopsCipher()
    {
        var client = _bed.Client();
        var url = client.BuildAuthorizationUrl(new AuthorizationRequest("SG", new Uri("https://ignored.example/cb"), "st-42"));

        using var answer = await _bed.NoRedirectClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith(TikTokTestBed.RedirectUri.AbsoluteUri, answer.Headers.Location!.AbsoluteUri);
        var callback = HttpUtility.ParseQueryString(answer.Headers.Location.Query);
        Assert.Equal("st-42", callback["state"]);

        var grant = await client.ExchangeCodeAsync(new AuthorizationCallback("SG", callback["code"]!, null));

        Assert.True(grant.Succeeded, grant.Error?.ToString());
        var shops = grant.Value.Shops.ToDictionary(s => s.ShopId);
        Assert.Equal([TikTokTestBed.ShopA, TikTokTestBed.ShopB], shops.Keys.Order());
        Assert.Equal((_bed.Sandbox.Shop(TikTokTestBed.ShopB).Cipher, "VN", "Alpha VN"), (shops[TikTokTestBed.ShopB].ShopCipher, shops[TikTokTestBed.ShopB].Site, shops[TikTokTestBed.ShopB].Name));
        // *_expire_in are absolute Unix times: about 7 days from now, not 7 days' worth of seconds after now.
        Assert.InRange(grant.Value.AccessTokenExpiresAt, _bed.Now.AddSeconds(604_799 - 5), _bed.Now.AddSeconds(604_799 + 5));
        Assert.InRange(grant.Value.RefreshTokenExpiresAt!.Value, _bed.Now.AddDays(365).AddSeconds(-5), _bed.Now.AddDays(365).AddSeconds(5));

        _bed.SeedOngoing(TikTokTestBed.ShopB, "Via the new grant");
        var store = _bed.Store(TikTokTestBed.ShopB) with
        {
            Credentials = new StoreCredentials(grant.Value.AccessToken, grant.Value.AccessTokenExpiresAt, grant.Value.RefreshToken, grant.Value.RefreshTokenExpiresAt, shops[TikTokTestBed.ShopB].ShopCipher),
        };
        Assert.Equal("Via the new grant", (await client.ListCouponsAsync(store).ToListAsync()).Single().Single().Name);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondUnauthorizedAndNoSecretLogged()
    {
        var code = _bed.Sandbox.IssueAuthCode(TikTokTestBed.AppKey, TikTokTestBed.SellerA);
        var client = _bed.Client();

        Assert.True((await client.ExchangeCodeAsync(new AuthorizationCallback("SG", code, null))).Succeeded);
        var second = await client.ExchangeCodeAsync(new AuthorizationCallback("SG", code, null));

        Assert.Equal((PlatformErrorKind.Unauthorized, "105001"), (second.Error!.Kind, second.Error.Code));
        Redaction.AssertMasked(second.Error.RequestUrl, "app_secret", "auth_code");
        Redaction.AssertNoSecret(second.Error, _bed.Logs.AllText, code, TikTokTestBed.AppSecret);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeOlderThanThirtyMinutes_Unauthorized()
    {
        var code = _bed.Sandbox.IssueAuthCode(TikTokTestBed.AppKey, TikTokTestBed.SellerA);
        _bed.Clock.Advance(TimeSpan.FromMinutes(31));

        var result = await _bed.Client().ExchangeCodeAsync(new AuthorizationCallback("SG", code, null));

        Assert.Equal(PlatformErrorKind.Unauthorized, result.Error!.Kind);
    }

    [Fact]
    public async Task RefreshTokenAsync_ValidRefreshToken_NewPairWithAbsoluteExpiryAndTheStoresCipher()
    {
        var store = _bed.Store();
        _bed.Clock.Advance(TimeSpan.FromDays(2));

        var refreshed = await _bed.Client().RefreshTokenAsync(store);

        Assert.True(refreshed.Succeeded, refreshed.Error?.ToString());
        Assert.NotEqual((store.Credentials.AccessToken, store.Credentials.RefreshToken), (refreshed.Value.AccessToken, refreshed.Value.RefreshToken));
        Assert.InRange(refreshed.Value.AccessTokenExpiresAt, _bed.Now.AddSeconds(604_799 - 5), _bed.Now.AddSeconds(604_799 + 5));
        var shop = Assert.Single(refreshed.Value.Shops);
        Assert.Equal((TikTokTestBed.ShopA, store.Credentials.ShopCipher), (shop.ShopId, shop.ShopCipher));
    }

    [Fact]
    public async Task RefreshTokenAsync_OldRefreshTokenAfterRotation_UnauthorizedRecordedWithSecretsRedacted()
    {
        var store = _bed.Store();
        var client = _bed.Client();
        Assert.True((await client.RefreshTokenAsync(store)).Succeeded);

        var again = await client.RefreshTokenAsync(store);

        Assert.Equal((PlatformErrorKind.Unauthorized, "105001"), (again.Error!.Kind, again.Error.Code));
        var error = _bed.Recorder.SingleFailure(store, "api/v2/token/refresh");
        Redaction.AssertMasked(error.RequestUrl, "app_secret", "refresh_token");
        Assert.Contains($"app_key={TikTokTestBed.AppKey}", error.RequestUrl);
        Assert.NotNull(error.RequestId);
        Redaction.AssertNoSecret(error, _bed.Logs.AllText, TikTokTestBed.AppSecret, store.Credentials.RefreshToken!);
    }

    [Fact]
    public async Task ListCouponsAsync_AccessTokenExpired_UnauthorizedUntilRefreshed()
    {
        _bed.SeedOngoing();
        var store = _bed.Store();
        var client = _bed.Client();
        _bed.Clock.Advance(TimeSpan.FromDays(7));

        var expired = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(store).ToListAsync());
        var callsForTheFailure = _bed.Sandbox.Stats.Calls;
        var grant = (await client.RefreshTokenAsync(store)).Value!;
        var renewed = store with { Credentials = store.Credentials with { AccessToken = grant.AccessToken, RefreshToken = grant.RefreshToken } };

        Assert.Equal((PlatformErrorKind.Unauthorized, "105002"), (expired.Error.Kind, expired.Error.Code));
        Assert.Equal(1, callsForTheFailure);
        Assert.Single((await client.ListCouponsAsync(renewed).ToListAsync()).Single());
    }
}
