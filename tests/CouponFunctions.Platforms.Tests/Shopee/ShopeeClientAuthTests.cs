using System.Net;
using System.Web;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Tests.TestDoubles;

namespace CouponFunctions.Platforms.Tests.Shopee;

public sealed class ShopeeClientAuthTests : IAsyncLifetime
{
    private ShopeeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShopeeTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task BuildAuthorizationUrl_Followed_RedirectsWithCodeThatExchangesForWorkingTokens()
    {
        var client = _bed.Client();
        var url = client.BuildAuthorizationUrl(new AuthorizationRequest("SG", new Uri("https://app.example/callback?x=1"), "st-42"));

        using var answer = await _bed.NoRedirectClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var callback = HttpUtility.ParseQueryString(answer.Headers.Location!.Query);
        Assert.Equal(("1", "st-42", ShopeeTestBed.ShopA.ToString()), (callback["x"], callback["state"], callback["shop_id"]));

        var grant = await client.ExchangeCodeAsync(new AuthorizationCallback("SG", callback["code"]!, callback["shop_id"]));

        Assert.True(grant.Succeeded, grant.Error?.ToString());
        Assert.Equal(ShopeeTestBed.ShopA.ToString(), Assert.Single(grant.Value.Shops).ShopId);
        Assert.Equal(_bed.Now.AddHours(4).ToUnixTimeSeconds(), grant.Value.AccessTokenExpiresAt.ToUnixTimeSeconds(), 2d);
        var store = _bed.Store() with { Credentials = new StoreCredentials(grant.Value.AccessToken, grant.Value.AccessTokenExpiresAt, grant.Value.RefreshToken) };
        Assert.Empty(await client.ListCouponsAsync(store).ToListAsync());
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_SecondIsUnauthorizedAndCodeRedacted()
    {
        var code = _bed.Sandbox.IssueAuthCode(ShopeeTestBed.PartnerId, ShopeeTestBed.ShopA);
        var client = _bed.Client();
        var callback = new AuthorizationCallback("SG", code, ShopeeTestBed.ShopA.ToString());

        Assert.True((await client.ExchangeCodeAsync(callback)).Succeeded);
        var second = await client.ExchangeCodeAsync(callback);

        Assert.Equal(PlatformErrorKind.Unauthorized, second.Error!.Kind);
        Redaction.AssertNoSecret(second.Error, _bed.Logs.AllText, code);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeOlderThanTenMinutes_Unauthorized()
    {
        var code = _bed.Sandbox.IssueAuthCode(ShopeeTestBed.PartnerId, ShopeeTestBed.ShopA);
        _bed.Clock.Advance(TimeSpan.FromMinutes(11));

        var result = await _bed.Client().ExchangeCodeAsync(new AuthorizationCallback("SG", code, ShopeeTestBed.ShopA.ToString()));

        Assert.Equal(PlatformErrorKind.Unauthorized, result.Error!.Kind);
    }

    [Fact]
    public async Task RefreshTokenAsync_ValidRefreshToken_NewPairAndOldRefreshTokenRejected()
    {
        var store = _bed.Store();
        var client = _bed.Client();

        var refreshed = await client.RefreshTokenAsync(store);
        var again = await client.RefreshTokenAsync(store);

        Assert.True(refreshed.Succeeded, refreshed.Error?.ToString());
        Assert.NotEqual(store.Credentials.RefreshToken, refreshed.Value.RefreshToken);
        Assert.NotEqual(store.Credentials.AccessToken, refreshed.Value.AccessToken);
        Assert.Equal(PlatformErrorKind.Unauthorized, again.Error!.Kind);
        var error = _bed.Recorder.SingleFailure(store, "auth/access_token/get");
        Redaction.AssertNoSecret(error, _bed.Logs.AllText, store.Credentials.RefreshToken!);
    }

    [Fact]
    public async Task ListCouponsAsync_AccessTokenExpired_UnauthorizedUntilRefreshed()
    {
        var store = _bed.Store();
        var client = _bed.Client();
        _bed.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1));

        var expired = await Assert.ThrowsAsync<PlatformException>(async () => await client.ListCouponsAsync(store).ToListAsync());
        var callsForTheFailure = _bed.Sandbox.Stats.Calls;
        var grant = await client.RefreshTokenAsync(store);
        var renewed = store with { Credentials = new StoreCredentials(grant.Value!.AccessToken, grant.Value.AccessTokenExpiresAt, grant.Value.RefreshToken) };

        Assert.Equal((PlatformErrorKind.Unauthorized, "invalid_access_token"), (expired.Error.Kind, expired.Error.Code));
        Assert.Equal(1, callsForTheFailure);
        Assert.Empty(await client.ListCouponsAsync(renewed).ToListAsync());
    }

    [Fact]
    public async Task Sandbox_WrongPartnerKey_ErrorSignAndNothingSecretRecorded()
    {
        const string wrongKey = "not-the-partner-key-987654";
        var store = _bed.Store();

        var result = await _bed.Client(o => o.PartnerKey = wrongKey).GetCouponAsync(store, "1");

        Assert.Equal((PlatformErrorKind.Rejected, "error_sign", 403), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
        var recorded = Assert.Single(_bed.Recorder.Failures).Error;
        Redaction.AssertMasked(recorded.RequestUrl, "access_token", "sign");
        Assert.Contains($"partner_id={ShopeeTestBed.PartnerId}", recorded.RequestUrl);
        Assert.NotNull(recorded.RequestId);
        Redaction.AssertNoSecret(recorded, _bed.Logs.AllText, store.Credentials.AccessToken!, wrongKey, ShopeeTestBed.PartnerKey);
    }

    [Fact]
    public async Task Sandbox_TimestampSixMinutesOld_RejectsAsExpired()
    {
        // The connector's clock runs six minutes behind the sandbox's.
        _bed.Clock.Advance(TimeSpan.FromMinutes(6));

        var result = await _bed.Client(clock: TimeProvider.System).GetCouponAsync(_bed.Store(), "1");

        Assert.Equal(("error_param", "Timestamp is expired."), (result.Error!.Code, result.Error.Message));
    }
}
