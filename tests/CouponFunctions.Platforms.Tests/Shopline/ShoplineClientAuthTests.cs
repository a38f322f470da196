using System.Net;
using System.Web;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Tests.TestDoubles;

namespace CouponFunctions.Platforms.Tests.Shopline;

public sealed class ShoplineClientAuthTests : IAsyncLifetime
{
    private ShoplineTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShoplineTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task BuildAuthorizationUrl_ApprovedByTheMerchant_CodeExchangesForATenHourToken()
    {
        var client = _bed.Client();
        var redirect = new Uri($"https://app.example/shopline/callback?handle={ShoplineTestBed.StoreA}");

        var url = client.BuildAuthorizationUrl(new AuthorizationRequest("SG", redirect, "st-7"));

        Assert.Equal($"{_bed.StoreRoot(ShoplineTestBed.StoreA)}/admin/oauth-web/", url.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("#/oauth/authorize?", url.Fragment);
        var parameters = HttpUtility.ParseQueryString(url.Fragment[url.Fragment.IndexOf('?')..]);
        Assert.Equal((ShoplineTestBed.AppKey, "code", redirect.AbsoluteUri, "st-7"), (parameters["appKey"], parameters["responseType"], parameters["redirectUri"], parameters["customField"]));

        // What the sandbox's authorize page does with the fragment once the merchant approves.
        using var answer = await _bed.NoRedirectClient().GetAsync(new Uri($"{_bed.StoreRoot(ShoplineTestBed.StoreA)}/admin/oauth-web/approve{url.Fragment[url.Fragment.IndexOf('?')..]}"));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var callback = HttpUtility.ParseQueryString(answer.Headers.Location!.Query);
        Assert.Equal((ShoplineTestBed.StoreA, "st-7"), (callback["handle"], callback["customField"]));

        var grant = await client.ExchangeCodeAsync(new AuthorizationCallback("SG", callback["code"]!, callback["handle"]));

        Assert.True(grant.Succeeded, grant.Error?.ToString());
        Assert.Equal((ShoplineTestBed.StoreA, (string?)null), (Assert.Single(grant.Value.Shops).ShopId, grant.Value.RefreshToken));
        Assert.InRange(grant.Value.AccessTokenExpiresAt, _bed.Now.AddHours(10).AddSeconds(-5), _bed.Now.AddHours(10).AddSeconds(5));
        var store = _bed.Store() with { Credentials = new StoreCredentials(grant.Value.AccessToken, grant.Value.AccessTokenExpiresAt) };
        Assert.Empty(await client.ListCouponsAsync(store).ToListAsync());
    }

    [Fact]
    public void BuildAuthorizationUrl_RedirectWithoutHandle_ArgumentExceptionSayingSo()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            _bed.Client().BuildAuthorizationUrl(new AuthorizationRequest("SG", new Uri("https://app.example/cb"), "s")));

        Assert.Contains("handle", error.Message);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondUnauthorizedAndCodeNeverLogged()
    {
        var code = _bed.Sandbox.IssueAuthCode(ShoplineTestBed.AppKey, ShoplineTestBed.StoreA);
        var client = _bed.Client();
        var callback = new AuthorizationCallback("SG", code, ShoplineTestBed.StoreA);

        Assert.True((await client.ExchangeCodeAsync(callback)).Succeeded);
        var second = await client.ExchangeCodeAsync(callback);

        Assert.Equal((PlatformErrorKind.Unauthorized, "CODE_INVALID"), (second.Error!.Kind, second.Error.Code));
        Redaction.AssertNoSecret(second.Error, _bed.Logs.AllText, code, ShoplineTestBed.AppSecret);
    }

    [Fact]
    public async Task ExchangeCodeAsync_NoHandle_RejectedWithoutACall()
    {
        var result = await _bed.Client().ExchangeCodeAsync(new AuthorizationCallback("SG", "abc", null));

        Assert.Equal((PlatformErrorKind.Rejected, "missing_handle"), (result.Error!.Kind, result.Error.Code));
        Assert.Equal(0, _bed.Sandbox.Stats.Calls);
    }

    [Fact]
    public async Task RefreshTokenAsync_AfterTheTokenExpired_NewTenHourTokenWithoutARefreshToken()
    {
        _bed.SeedOngoing();
        var store = _bed.Store();
        var client = _bed.Client();
        _bed.Clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromSeconds(1));

        var expired = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(store).ToListAsync());
        var grant = await client.RefreshTokenAsync(store);

        Assert.Equal((PlatformErrorKind.Unauthorized, 401), (expired.Error.Kind, expired.Error.HttpStatus));
        Assert.True(grant.Succeeded, grant.Error?.ToString());
        Assert.InRange(grant.Value.AccessTokenExpiresAt, _bed.Now.AddHours(10).AddSeconds(-5), _bed.Now.AddHours(10).AddSeconds(5));
        var renewed = store with { Credentials = new StoreCredentials(grant.Value.AccessToken, grant.Value.AccessTokenExpiresAt) };
        Assert.Single((await client.ListCouponsAsync(renewed).ToListAsync()).Single());
    }

    [Fact]
    public async Task RefreshTokenAsync_AppUninstalled_UnauthorizedAndRecorded()
    {
        var store = _bed.Store();
        _bed.Sandbox.Uninstall(ShoplineTestBed.AppKey, ShoplineTestBed.StoreA);

        var result = await _bed.Client().RefreshTokenAsync(store);

        Assert.Equal((PlatformErrorKind.Unauthorized, "APP_NOT_AUTHORIZED"), (result.Error!.Kind, result.Error.Code));
        var error = _bed.Recorder.SingleFailure(store, "oauth/token.refresh");
        Assert.Equal($"{_bed.StoreRoot(ShoplineTestBed.StoreA)}/admin/oauth/token/refresh", error.RequestUrl);
        Redaction.AssertNoSecret(error, _bed.Logs.AllText, store.Credentials.AccessToken!);
    }

    [Fact]
    public async Task Sandbox_WrongAppSecret_SignInvalidAndNoSecretLogged()
    {
        const string wrongSecret = "not-the-shopline-secret-987654";

        var result = await _bed.Client(o => o.AppSecret = wrongSecret).RefreshTokenAsync(_bed.Store());

        Assert.Equal((PlatformErrorKind.Rejected, "SIGN_INVALID", 401), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
        Redaction.AssertNoSecret(result.Error, _bed.Logs.AllText, wrongSecret);
    }

    [Fact]
    public async Task Sandbox_TimestampElevenMinutesOld_RejectedAsExpired()
    {
        // The connector's clock runs eleven minutes behind the sandbox's (SHOPLINE allows ten).
        _bed.Clock.Advance(TimeSpan.FromMinutes(11));

        var result = await _bed.Client(clock: TimeProvider.System).RefreshTokenAsync(_bed.Store());

        Assert.Equal((PlatformErrorKind.Rejected, "TIMESTAMP_EXPIRED"), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public async Task GetCouponAsync_TokenOfAnotherStore_UnauthorizedAndTokenNotRecorded()
    {
        var other = _bed.Store(ShoplineTestBed.StoreB);
        var store = _bed.Store() with { Credentials = other.Credentials };

        var result = await _bed.Client().GetCouponAsync(store, _bed.SeedOngoing().Id);

        Assert.Equal((PlatformErrorKind.Unauthorized, 401), (result.Error!.Kind, result.Error.HttpStatus));
        var recorded = Assert.Single(_bed.Recorder.Failures).Error;
        Assert.StartsWith($"{_bed.StoreRoot(ShoplineTestBed.StoreA)}/admin/openapi/v20251201/sales/price_rules/", recorded.RequestUrl);
        Redaction.AssertNoSecret(recorded, _bed.Logs.AllText, other.Credentials.AccessToken!);
    }
}
