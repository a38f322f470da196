using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends;

public sealed class SendRequestValidatorTests
{
    private static IReadOnlyCollection<string> Check(SendValidationContext? context = null, SendRequestInput? input = null) =>
        SendRequestValidator.Check(Parsed(input), context ?? Context()).Keys.Order().ToList();

    private static string ErrorsOf(string field, SendValidationContext? context = null, SendRequestInput? input = null) =>
        string.Join(" ", SendRequestValidator.Check(Parsed(input), context ?? Context())[field]);

    [Fact]
    public void Check_GoodRequest_HasNoErrorsAndBecomesAScheduledSend()
    {
        Assert.Empty(Check());
        var send = Send();
        Assert.Equal(SendStatus.Scheduled, send.Status);
        Assert.Equal("payday", send.CampaignOrId);
    }

    [Fact]
    public void Parse_EveryShapeWrong_NamesEveryField()
    {
        var input = new SendRequestInput("", "S/1", null, ["email", "fax"], null, new CouponFunctions.Core.Sends.SendMessage("Hi\r\nBcc: x", "{{customer.email}}", null),
            "pay day!", "not a url");

        var errors = SendRequestValidator.Parse(input, out var parsed);

        Assert.Null(parsed);
        Assert.Equal(["campaign", "channels", "couponId", "landingUrl", "message.emailBody", "message.emailSubject", "scheduledAt", "segmentId", "storeId"], errors.Keys.Order());
        Assert.Contains("{{customer.email}}", errors["message.emailBody"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SmsChannelWithoutText_NamesSmsText()
    {
        var errors = SendRequestValidator.Parse(Input(channels: ["sms"], message: new CouponFunctions.Core.Sends.SendMessage(null, null, " ")), out _);

        Assert.Equal(["message.smsText"], errors.Keys);
    }

    [Fact]
    public void Parse_NoChannels_NamesChannels()
    {
        Assert.Equal(["channels"], SendRequestValidator.Parse(Input(channels: []), out _).Keys);
    }

    [Fact]
    public void Check_SendTimeTooSoon_NamesScheduledAt()
    {
        Assert.Equal(["scheduledAt"], Check(input: Input(at: Now.AddHours(1))));
    }

    [Fact]
    public void Check_SendTimeNotOnTheLocalHour_NamesScheduledAt()
    {
        Assert.Contains("on the hour", ErrorsOf("scheduledAt", input: Input(at: SendAt.AddMinutes(30))), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CouponNotFound_NamesCouponId()
    {
        Assert.Equal(["couponId"], Check(Context(couponFound: false)));
    }

    [Fact]
    public void Check_CouponKindNotClaimable_NamesCouponId()
    {
        Assert.Contains("made by Shopee", ErrorsOf("couponId", Context(coupon: Coupon(fields: new Dictionary<string, string> { ["is_admin"] = "true" }))), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CouponEnded_NamesCouponId()
    {
        Assert.Contains("has ended", ErrorsOf("couponId", Context(coupon: Coupon(status: CouponStatus.Ended))), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CouponEndsBeforeTheSendTime_NamesCouponId()
    {
        Assert.Contains("will have ended by the send time", ErrorsOf("couponId", Context(coupon: Coupon() with { ValidTo = SendAt.AddMinutes(-1) })), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CouponOfAnotherPlatform_NamesCouponId()
    {
        Assert.Equal(["couponId"], Check(Context(coupon: Coupon(Platform.Lazada))));
    }

    [Fact]
    public void Check_QuantityBelowReachableMembers_NamesCouponId()
    {
        // 400 left; email or SMS reaches 401.
        Assert.Contains("400 left, fewer than the segment's 401", ErrorsOf("couponId", Context(reach: new SegmentReach(500, 401, 10, 401))), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_QuantityEqualToReachableMembers_IsEnough()
    {
        Assert.Empty(Check(Context(reach: new SegmentReach(500, 400, 10, 400))));
    }

    [Fact]
    public void Check_UnlimitedCoupon_SkipsTheQuantityRule()
    {
        Assert.Empty(Check(Context(coupon: Coupon() with { TotalQuantity = null }, reach: new SegmentReach(9000, 9000, 9000, 9000))));
    }

    [Fact]
    public void Check_SegmentWithAnUnfinishedSend_NamesSegmentId()
    {
        Assert.Contains("already has a send", ErrorsOf("segmentId", Context(unfinished: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SegmentNotFound_NamesSegmentId()
    {
        Assert.Equal(["segmentId"], Check(Context(segmentFound: false)));
    }

    [Fact]
    public void Check_ChannelNobodyCanBeReachedOn_NamesChannels()
    {
        Assert.Contains("reached by SMS", ErrorsOf("channels", Context(reach: new SegmentReach(300, 250, 0, 250))), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DisabledStore_NamesStoreId()
    {
        Assert.Equal(["storeId"], Check(Context(store: Store() with { Status = StoreStatus.Disabled })));
    }

    [Fact]
    public void Check_LazadaStoreWithoutLandingUrl_NamesLandingUrl()
    {
        var lazada = Coupon(Platform.Lazada, fields: new Dictionary<string, string> { ["voucher_type"] = "CODE_VOUCHER" });

        Assert.Equal(["landingUrl"], Check(Context(store: Store(Platform.Lazada), coupon: lazada)));
        Assert.Empty(Check(Context(store: Store(Platform.Lazada), coupon: lazada), Input(landingUrl: "https://www.lazada.co.th/shop/acme")));
    }

    [Fact]
    public void Check_CodePlaceholderButCouponHasNoCode_NamesEachFieldUsingIt()
    {
        var collectible = Coupon(Platform.Lazada, code: null, fields: new Dictionary<string, string> { ["display_area"] = "REGULAR_CHANNEL" });

        var keys = Check(Context(store: Store(Platform.Lazada), coupon: collectible), Input(landingUrl: "https://www.lazada.co.th/shop/acme"));

        Assert.Equal(["message.emailBody", "message.smsText"], keys);
    }

    [Fact]
    public void Check_SmsRenderingOverTheProviderLimit_NamesSmsText()
    {
        // 25 links of about 110 characters each from a 300-character template.
        var input = Input(message: Message(sms: string.Concat(Enumerable.Repeat("{{claimUrl}}", 25))));

        Assert.Contains("renders to", ErrorsOf("message.smsText", input: input), StringComparison.Ordinal);
    }
}
