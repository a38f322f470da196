using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Tests.TestDoubles;

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
        Redaction.AssertMasked(recorded.RequestUrl, "sign");
        Assert.Contains($"shop_cipher={Uri.EscapeDataString(store.Credentials.ShopCipher!)}", recorded.RequestUrl);
        Assert.Contains("/promotion/202406/coupons/7300000000000000001?", recorded.RequestUrl);
        Redaction.AssertNoSecret(recorded, _bed.Logs.AllText, store.Credentials.AccessToken!, wrongSecret, TikTokTestBed.AppSecret);
    }

    [Fact]
    public async Task Sandbox_WrongAppSecretOnTokenEndpoint_RejectedAndSecretRedacted()
    {
        const string wrongSecret = "not-the-app-secret-987654";

        var result = await _bed.Client(o => o.AppSecret = wrongSecret).RefreshTokenAsync(_bed.Store());

        Assert.Equal((PlatformErrorKind.Rejected, "36009004"), (result.Error!.Kind, result.Error.Code));
        Redaction.AssertMasked(result.Error.RequestUrl, "app_secret");
        Redaction.AssertNoSecret(result.Error, _bed.Logs.AllText, wrongSecret);
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
