using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.TikTok;

/// <summary>What the TikTok sandbox refuses at its gate (signature, timestamp, shop permission), and that nothing secret is recorded.</summary>
public sealed class TikTokSandboxSigningTests : IAsyncLifetime
{
    private TikTokTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TikTokTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Sandbox_WrongAppSecret_BadSignAndNothingSecretRecorded()
    {
        const string wrongSecret = "not-the-app-secret-987654";
        var store = _bed.Store();

        var result = await _bed.Client(o => o.AppSecret = wrongSecret).GetCouponAsync(store, "7300000000000000001");

        Assert.Equal((PlatformErrorKind.Rejected, "106001", 401), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
        var recorded = Assert.Single(_bed.Recorder.Failures).Error;
        Assert.Contains("sign=***", recorded.RequestUrl);
        Assert.Contains($"shop_cipher={Uri.EscapeDataString(store.Credentials.ShopCipher!)}", recorded.RequestUrl);
        Assert.Contains("/promotion/202406/coupons/7300000000000000001?", recorded.RequestUrl);
        foreach (var secret in new[] { store.Credentials.AccessToken!, wrongSecret, TikTokTestBed.AppSecret })
        {
            Assert.DoesNotContain(secret, recorded.ToString());
            Assert.DoesNotContain(secret, _bed.Logs.AllText);
        }
    }

    [Fact]
    public async Task Sandbox_WrongAppSecretOnTokenEndpoint_RejectedAndSecretRedacted()
    {
        const string wrongSecret = "not-the-app-secret-987654";

        var result = await _bed.Client(o => o.AppSecret = wrongSecret).RefreshTokenAsync(_bed.Store());

        Assert.Equal((PlatformErrorKind.Rejected, "36009004"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains("app_secret=***", result.Error.RequestUrl);
        Assert.DoesNotContain(wrongSecret, _bed.Logs.AllText);
        Assert.DoesNotContain(wrongSecret, result.Error.ToString());
    }

    [Fact]
    public async Task Sandbox_TimestampSixMinutesOld_RejectedAsInvalidParameter()
    {
        // The connector's clock runs six minutes behind the sandbox's.
        _bed.Clock.Advance(TimeSpan.FromMinutes(6));

        var result = await _bed.Client(clock: TimeProvider.System).GetCouponAsync(_bed.Store(), "7300000000000000001");

        Assert.Equal((PlatformErrorKind.Rejected, "36009004"), (result.Error!.Kind, result.Error.Code));
        Assert.Contains("timestamp", result.Error.Message);
    }

    [Fact]
    public async Task Sandbox_AnotherSellersShopCipher_NoPermission()
    {
        var mine = _bed.Store();
        var theirs = mine with { Credentials = mine.Credentials with { ShopCipher = _bed.Sandbox.Shop(TikTokTestBed.OtherSellersShop).Cipher } };

        var result = await _bed.Client().GetCouponAsync(theirs, "7300000000000000001");

        Assert.Equal((PlatformErrorKind.Rejected, "105005"), (result.Error!.Kind, result.Error.Code));
    }
}
