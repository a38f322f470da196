using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Messages;

public sealed class SendMessageRendererTests
{
    private static readonly Uri Unsubscribe = new("https://coupons.example.com/api/unsubscribe?token=abc");

    private static RenderContext Context(string? name = "Ann <b>&</b>", Store? store = null) =>
        new(name, Coupon() with { Name = "10% \"off\"\r\nnow" }, store ?? Store(), new Uri("https://shopee.co.th/shop/100200"), "payday");

    [Fact]
    public void RenderEmail_Values_AreHtmlEncodedInTheBody()
    {
        var email = Parsed().Renderer.RenderEmail(Context(), Unsubscribe);

        Assert.Contains("<p>Hi Ann &lt;b&gt;&amp;&lt;/b&gt;,</p>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&</b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<b>ACMEPAY10</b>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmail_ClaimUrl_IsTaggedForEmailAndAttributeEncoded()
    {
        var email = Parsed().Renderer.RenderEmail(Context(), Unsubscribe);

        Assert.Contains("href=\"https://shopee.co.th/shop/100200?utm_source=couponfunctions&amp;utm_medium=email&amp;utm_campaign=payday\"", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmail_EndsAt_IsStoreLocalWithItsOffset()
    {
        var email = Parsed().Renderer.RenderEmail(Context(), Unsubscribe);

        Assert.Contains("before 2026-12-01 09:00 (UTC+07:00)", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmail_Subject_IsOneLineWithTheRawName()
    {
        Assert.Equal("10% \"off\"  now for you", Parsed().Renderer.RenderEmail(Context(), Unsubscribe).Subject);
    }

    [Fact]
    public void RenderEmail_Always_CarriesTheUnsubscribeLinkAndOneClickHeaders()
    {
        var email = Parsed().Renderer.RenderEmail(Context(), Unsubscribe);

        Assert.Contains("href=\"https://coupons.example.com/api/unsubscribe?token=abc\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: https://coupons.example.com/api/unsubscribe?token=abc", email.PlainText, StringComparison.Ordinal);
        Assert.Equal("<https://coupons.example.com/api/unsubscribe?token=abc>", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void RenderEmail_PlainText_HasNoTagsAndDecodedValues()
    {
        var email = Parsed().Renderer.RenderEmail(Context(), Unsubscribe);

        Assert.StartsWith("Hi Ann <b>&</b>,\nUse ACMEPAY10 before", email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSms_ThailandStore_HasNoStopLine()
    {
        var sms = Parsed().Renderer.RenderSms(Context(name: "Ann"), SmsSenderKind.PhoneNumber, Unsubscribe);

        Assert.Equal("Ann, use ACMEPAY10 by 2026-12-01 09:00 (UTC+07:00): https://shopee.co.th/shop/100200?utm_source=couponfunctions&utm_medium=sms&utm_campaign=payday", sms.Text);
        Assert.Equal(SmsCharset.Gsm7, sms.Info.Charset);
        Assert.Equal(1, sms.Info.Parts);
    }

    [Fact]
    public void RenderSms_SingaporeStoreWithANumber_AppendsReplyStop()
    {
        var sms = Parsed().Renderer.RenderSms(Context(name: "Ann", store: Store(site: "SG", zone: "Asia/Singapore")), SmsSenderKind.PhoneNumber, Unsubscribe);

        Assert.EndsWith("\nReply STOP to opt out", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSms_SingaporeStoreWithAnAlphanumericSender_AppendsTheOptOutLink()
    {
        var sms = Parsed().Renderer.RenderSms(Context(name: "Ann", store: Store(site: "SG", zone: "Asia/Singapore")), SmsSenderKind.Alphanumeric, Unsubscribe);

        Assert.EndsWith("\nOpt out: https://coupons.example.com/api/unsubscribe?token=abc", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSms_ThaiName_IsUcs2AndCountedInParts()
    {
        var sms = Parsed().Renderer.RenderSms(Context(name: "สมชาย"), SmsSenderKind.PhoneNumber, Unsubscribe);

        Assert.Equal(SmsCharset.Ucs2, sms.Info.Charset);
        Assert.Equal(sms.Text.Length, sms.Info.Length);
        Assert.Equal(3, sms.Info.Parts);
    }

    [Fact]
    public void RenderSms_ValuesAreNotHtmlEncoded()
    {
        Assert.StartsWith("Ann <b>&</b>, use", Parsed().Renderer.RenderSms(Context(), SmsSenderKind.PhoneNumber, Unsubscribe).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("GB", true)]
    [InlineData("VN", true)]
    [InlineData("TH", false)]
    [InlineData("ID", false)]
    public void IsRequired_PerSite_FollowsTheDocumentedRules(string site, bool expected)
    {
        Assert.Equal(expected, SmsOptOut.IsRequired(site));
    }

    [Fact]
    public void RenderEmail_SendWithoutEmailChannel_Throws()
    {
        var smsOnly = Parsed(Input(channels: ["sms"])).Renderer;

        Assert.Throws<InvalidOperationException>(() => smsOnly.RenderEmail(Context(), Unsubscribe));
        _ = ContactChannel.Sms;
    }
}
