using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends;

public sealed class CouponSendabilityTests
{
    private static Dictionary<string, string> F(string key, string value) => new() { [key] = value };

    [Fact]
    public void KindRefusal_ShopVoucherWithCode_IsClaimable()
    {
        Assert.Null(CouponSendability.KindRefusal(Coupon(fields: F("display_channel_list", "[]"))));
    }

    [Fact]
    public void KindRefusal_ShopeeAdminVoucher_IsRefused()
    {
        Assert.Contains("made by Shopee", CouponSendability.KindRefusal(Coupon(fields: F("is_admin", "true"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("REGULAR_CHANNEL", true)]
    [InlineData("OFFLINE", true)]
    [InlineData("STORE_FOLLOWER", false)]
    [InlineData("LIVE_STREAM", false)]
    [InlineData("CEM_SELLER", false)]
    public void KindRefusal_LazadaCollectible_DependsOnTheDisplayArea(string area, bool claimable)
    {
        var coupon = Coupon(Platform.Lazada, code: null, fields: new Dictionary<string, string> { ["voucher_type"] = "COLLECTIBLE_VOUCHER", ["display_area"] = area });

        Assert.Equal(claimable, CouponSendability.KindRefusal(coupon) is null);
    }

    [Fact]
    public void KindRefusal_LazadaCodeVoucher_IsClaimableWhereverShown()
    {
        var coupon = Coupon(Platform.Lazada, code: "LZ10", fields: new Dictionary<string, string> { ["voucher_type"] = "CODE_VOUCHER", ["display_area"] = "LIVE_STREAM" });

        Assert.Null(CouponSendability.KindRefusal(coupon));
    }

    [Theory]
    [InlineData("REGULAR", null, true)]
    [InlineData("PROMO_CODE", "TT10OFF", true)]
    [InlineData("PROMO_CODE", null, false)]
    [InlineData("LIVE", null, false)]
    [InlineData("CREATOR_EXCLUSIVE", null, false)]
    [InlineData("CHAT", null, false)]
    public void KindRefusal_TikTok_DependsOnTheDisplayType(string type, string? code, bool claimable)
    {
        Assert.Equal(claimable, CouponSendability.KindRefusal(Coupon(Platform.TikTok, code: code, fields: F("display_type", type))) is null);
    }

    [Theory]
    [InlineData(Platform.Shopline)]
    [InlineData(Platform.Shopee)]
    public void KindRefusal_NoCodeWherePlatformNeedsOne_IsRefused(Platform platform)
    {
        Assert.Contains("no", CouponSendability.KindRefusal(Coupon(platform, code: null)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CouponStatus.Ended, "ended")]
    [InlineData(CouponStatus.Deactivated, "deactivated")]
    [InlineData(CouponStatus.Paused, "paused")]
    public void LifeRefusal_NotRunning_SaysWhy(CouponStatus status, string word)
    {
        Assert.Contains(word, CouponSendability.LifeRefusal(Coupon(status: status), Now), StringComparison.Ordinal);
    }

    [Fact]
    public void LifeRefusal_EndsBeforeTheSendTime_IsRefusedAndAfterIsNot()
    {
        var coupon = Coupon() with { ValidTo = SendAt };

        Assert.Contains("will have ended", CouponSendability.LifeRefusal(coupon, SendAt), StringComparison.Ordinal);
        Assert.Null(CouponSendability.LifeRefusal(coupon, SendAt.AddTicks(-1)));
    }

    [Fact]
    public void LifeRefusal_ClaimWindowClosedOrNotOpenAtTheSendTime_IsRefused()
    {
        Assert.Contains("closed", CouponSendability.LifeRefusal(Coupon() with { ClaimEnd = SendAt }, SendAt), StringComparison.Ordinal);
        Assert.Contains("open only after", CouponSendability.LifeRefusal(Coupon() with { ClaimStart = SendAt.AddHours(1) }, SendAt), StringComparison.Ordinal);
        Assert.Null(CouponSendability.LifeRefusal(Coupon() with { ClaimStart = SendAt, ClaimEnd = SendAt.AddHours(1) }, SendAt));
    }

    [Fact]
    public void LifeRefusal_UpcomingCouponThatStartsLater_IsAllowed()
    {
        Assert.Null(CouponSendability.LifeRefusal(Coupon(status: CouponStatus.Upcoming) with { ValidFrom = SendAt.AddDays(1) }, SendAt));
    }
}
