using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tests.Jobs;

public sealed class ItemOutcomeTests
{
    [Theory]
    [InlineData(PlatformErrorKind.Unauthorized, ItemReasons.NeedsReauthorization)]
    [InlineData(PlatformErrorKind.NotSupported, ItemReasons.NotSupported)]
    [InlineData(PlatformErrorKind.Rejected, ItemReasons.PlatformError)]
    [InlineData(PlatformErrorKind.Throttled, ItemReasons.PlatformError)]
    [InlineData(PlatformErrorKind.Transient, ItemReasons.PlatformError)]
    public void FromPlatformError_Kind_ReasonCode(PlatformErrorKind kind, string reason) =>
        Assert.Equal(reason, ItemOutcome.FromPlatformError(new PlatformError(Platform.Shopee, kind, "x", "m")).ReasonCode);

    [Fact]
    public void FromPlatformError_Details_KeptWithUrlRedacted()
    {
        var error = new PlatformError(Platform.Shopee, PlatformErrorKind.Rejected, "voucher_code_error", "Only support 0-9 or A-Z.", "req-1", 400,
            "https://partner.shopeemobile.com/api/v2/voucher/add_voucher?partner_id=1&sign=abc&access_token=tok&shop_id=9");

        var o = ItemOutcome.FromPlatformError(error);

        Assert.Equal((JobItemState.Failed, "voucher_code_error", "req-1", 400), (o.State, o.PlatformCode, o.RequestId, o.HttpStatus!.Value));
        Assert.Equal("https://partner.shopeemobile.com/api/v2/voucher/add_voucher?partner_id=1&sign=***&access_token=***&shop_id=9", o.RequestUrl);
    }

    [Fact]
    public void RuleViolations_Several_OneMessage() =>
        Assert.Equal((ItemReasons.RuleViolation, "A. B."), ItemOutcome.RuleViolations([new RuleViolation("a", "x", "A."), new RuleViolation("b", "y", "B.")]) is var o ? (o.ReasonCode, o.Message) : default);

    [Theory]
    [InlineData("https://h/p?a=1&Sign=s#frag", "https://h/p?a=1&Sign=***#frag")]
    [InlineData("https://h/p?client_secret=s&refresh_token=r", "https://h/p?client_secret=***&refresh_token=***")]
    [InlineData("https://h/p?tokenish=1", "https://h/p?tokenish=1")]
    [InlineData("https://h/p", "https://h/p")]
    [InlineData(null, null)]
    public void Redact_Url_SecretsReplaced(string? url, string? expected) => Assert.Equal(expected, UrlRedaction.Redact(url));
}
