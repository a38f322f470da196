using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Stores;

public sealed class StoreValidatorTests
{
    [Fact]
    public void Validate_GoodStore_HasNoErrorsAndResolvesTheSite()
    {
        var errors = StoreValidator.Validate(new StoreInput("lazada", "ph", "100200300", "Acme PH", null, null), out var platform, out var site);

        Assert.True(errors.IsEmpty);
        Assert.Equal(Platform.Lazada, platform);
        Assert.Equal("Asia/Manila", site!.TimeZoneId);
    }

    [Fact]
    public void Validate_EveryFieldWrong_NamesEveryField()
    {
        var errors = StoreValidator.Validate(new StoreInput(null, "XX", "a/b", " ", "Not/AZone", new CredentialsInput("", null, null, null, null)), out _, out _);

        Assert.Equal(["credentials.accessToken", "displayName", "platform", "shopId", "site", "timeZone"], errors.Keys.Order());
    }

    [Fact]
    public void Validate_WindowsZoneName_IsNotAccepted()
    {
        var errors = StoreValidator.Validate(new StoreInput("shopee", "SG", "1", "x", "Singapore Standard Time", null), out _, out _);

        Assert.True(errors.ContainsKey("timeZone"));
    }
}
