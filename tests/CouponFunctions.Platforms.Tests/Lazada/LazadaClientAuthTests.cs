using System.Net;
using System.Web;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Tests.TestDoubles;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaClientAuthTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void BuildAuthorizationUrl_RealOptions_PointsAtLazadaWithAppKeyAndCountry()
    {
        var client = new LazadaClient(new LazadaClientOptions { AppKey = "123456", AppSecret = "s" },
            _bed.HttpClients, _bed.Clock, _bed.Recorder, _bed.Logs);

        var url = client.BuildAuthorizationUrl(new AuthorizationRequest("TH", new Uri("https://app.example/cb"), "st 1"));

        Assert.Equal("https://auth.lazada.com/oauth/authorize?response_type=code&force_auth=true&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&client_id=123456&state=st%201&country=th",
            url.AbsoluteUri);
    }

    [Fact]
    public async Task BuildAuthorizationUrl_Followed_RedirectsWithCodeThatExchangesForWorkingTokens()
    {
        var client = _bed.Client();
        var url = client.BuildAuthorizationUrl(new AuthorizationRequest("SG", new Uri("https://app.example/callback?x=1"), "st-42"));

        using var answer = await _bed.NoRedirectClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var callback = HttpUtility.ParseQueryString(answer.Headers.Location!.Query);
        Assert.Equal(("1", "st-42"), (callback["x"], callback["state"]));

        var grant = await client.ExchangeCodeAsync(new AuthorizationCallback("SG", callback["code"]!, null));

        Assert.True(grant.Succeeded, grant.Error?.ToString());
        var shop = Assert.Single(grant.Value.Shops);
        Assert.Equal((LazadaTestBed.SellerSg.ToString(), "SG"), (shop.ShopId, shop.Site));
        Assert.Equal(_bed.Now.AddDays(7).ToUnixTimeSeconds(), grant.Value.AccessTokenExpiresAt.ToUnixTimeSeconds(), 2d);
        Assert.Equal(_bed.Now.AddDays(14).ToUnixTimeSeconds(), grant.Value.RefreshTokenExpiresAt!.Value.ToUnixTimeSeconds(), 2d);
        var store = _bed.Store() with { Credentials = new StoreCredentials(grant.Value.AccessToken, grant.Value.AccessTokenExpiresAt, grant.Value.RefreshToken) };
        Assert.Empty(await client.ListCouponsAsync(store).ToListAsync());
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondIsUnauthorizedAndCodeRedacted()
    {
        var code = _bed.Sandbox.IssueAuthCode(LazadaTestBed.AppKey, LazadaTestBed.SellerVn);
        var client = _bed.Client();
        var callback = new AuthorizationCallback("VN", code, null);

        var first = await client.ExchangeCodeAsync(callback);
        var second = await client.ExchangeCodeAsync(callback);

        Assert.Equal(("VN", LazadaTestBed.SellerVn.ToString()), (first.Value!.Shops[0].Site, first.Value.Shops[0].ShopId));
        Assert.Equal((PlatformErrorKind.Unauthorized, "InvalidCode"), (second.Error!.Kind, second.Error.Code));
        Redaction.AssertNoSecret(second.Error, _bed.Logs.AllText, code);
    }

    [Fact]
    public async Task RefreshTokenAsync_ValidRefreshToken_NewPairWithinTheSameAuthorization()
    {
        var store = _bed.Store();
        var client = _bed.Client();
        _bed.Clock.Advance(TimeSpan.FromDays(10));

        var refreshed = await client.RefreshTokenAsync(store);
        var again = await client.RefreshTokenAsync(store);

        Assert.True(refreshed.Succeeded, refreshed.Error?.ToString());
        Assert.NotEqual(store.Credentials.RefreshToken, refreshed.Value.RefreshToken);
        Assert.NotEqual(store.Credentials.AccessToken, refreshed.Value.AccessToken);
        // Authorized for 14 days, 10 gone: both the refresh token and the new access token end with the authorization.
        Assert.Equal(store.Credentials.RefreshTokenExpiresAt!.Value.ToUnixTimeSeconds(), refreshed.Value.RefreshTokenExpiresAt!.Value.ToUnixTimeSeconds(), 2d);
        Assert.Equal(store.Credentials.RefreshTokenExpiresAt!.Value.ToUnixTimeSeconds(), refreshed.Value.AccessTokenExpiresAt.ToUnixTimeSeconds(), 2d);
        Assert.Equal((PlatformErrorKind.Unauthorized, "IllegalRefreshToken"), (again.Error!.Kind, again.Error.Code));
        var error = _bed.Recorder.SingleFailure(store, "auth/token/refresh");
        Redaction.AssertNoSecret(error, _bed.Logs.AllText, store.Credentials.RefreshToken!);
    }

    [Fact]
    public async Task RefreshTokenAsync_AuthorizationOver_UnauthorizedSoTheStoreNeedsReauthorizing()
    {
        var store = _bed.Store();
        _bed.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

        var result = await _bed.Client().RefreshTokenAsync(store);

        Assert.Equal(PlatformErrorKind.Unauthorized, result.Error!.Kind);
    }

    [Fact]
    public async Task ListCouponsAsync_AccessTokenExpired_UnauthorizedUntilRefreshed()
    {
        var store = _bed.Store();
        var client = _bed.Client();
        _bed.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var expired = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(store).ToListAsync());
        var callsForTheFailure = _bed.Sandbox.Stats.Calls;
        var grant = await client.RefreshTokenAsync(store);
        var renewed = store with { Credentials = new StoreCredentials(grant.Value!.AccessToken, grant.Value.AccessTokenExpiresAt, grant.Value.RefreshToken) };

        Assert.Equal((PlatformErrorKind.Unauthorized, "IllegalAccessToken"), (expired.Error.Kind, expired.Error.Code));
        Assert.Equal(1, callsForTheFailure);
        Assert.Empty(await client.ListCouponsAsync(renewed).ToListAsync());
    }

    [Fact]
    public async Task Sandbox_WrongAppSecret_IncompleteSignatureAndNothingSecretRecorded()
    {
        const string wrongSecret = "not-the-app-secret-987654321";
        var store = _bed.Store();

        var result = await _bed.Client(o => o.AppSecret = wrongSecret).GetCouponAsync(store, "91471121000001");

        Assert.Equal((PlatformErrorKind.Rejected, "IncompleteSignature", 200), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
        var recorded = Assert.Single(_bed.Recorder.Failures).Error;
        Redaction.AssertMasked(recorded.RequestUrl, "access_token", "sign");
        Assert.Contains($"app_key={LazadaTestBed.AppKey}", recorded.RequestUrl);
        Assert.Contains("id=91471121000001", recorded.RequestUrl);
        Assert.NotNull(recorded.RequestId);
        Redaction.AssertNoSecret(recorded, _bed.Logs.AllText, store.Credentials.AccessToken!, wrongSecret, LazadaTestBed.AppSecret);
    }

    [Fact]
    public async Task Sandbox_TimestampOverTwoHoursOld_RejectsAsInvalidTimestamp()
    {
        // The connector's clock runs two hours and a minute behind the sandbox's.
        _bed.Clock.Advance(TimeSpan.FromMinutes(121));

        var result = await _bed.Client(clock: TimeProvider.System).GetCouponAsync(_bed.Store(), "91471121000001");

        Assert.Equal((PlatformErrorKind.Rejected, "InvalidTimestamp"), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public async Task Sandbox_TimestampOneHourOld_StillInsideTheWindow()
    {
        _bed.Clock.Advance(TimeSpan.FromHours(1));

        var result = await _bed.Client(clock: TimeProvider.System).GetCouponAsync(_bed.Store(), "91471121000001");

        Assert.Equal(PlatformErrorKind.NotFound, result.Error!.Kind);
    }
}
