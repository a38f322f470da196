using CouponFunctions.Core.Common;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Messages;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends;

public sealed class SendPreviewTests
{
    [Fact]
    public void Build_BothChannels_RendersBothAndEstimatesRecipients()
    {
        var preview = SendPreview.Build(Parsed(), Context(reach: new SegmentReach(300, 250, 200, 280))).Value!;

        Assert.StartsWith("<p>Hi Ann,</p>", preview.Email!.Html, StringComparison.Ordinal);
        Assert.Equal(SmsCharset.Gsm7, preview.Sms!.Info.Charset);
        Assert.Equal((300, 250, 200, 280), (preview.Members, preview.EmailRecipients, preview.SmsRecipients, preview.EstimatedRecipients));
    }

    [Fact]
    public void Build_NoSendTimeYet_StillPreviews()
    {
        var errors = SendRequestValidator.Parse(Input() with { ScheduledAt = null }, out var parsed, requireSchedule: false);

        Assert.True(errors.IsEmpty);
        Assert.True(SendPreview.Build(parsed!, Context()).IsOk);
    }

    [Fact]
    public void Build_SmsOnly_HasNoEmail()
    {
        var preview = SendPreview.Build(Parsed(Input(channels: ["sms"])), Context()).Value!;

        Assert.Null(preview.Email);
        Assert.Equal(200, preview.EstimatedRecipients);
    }

    [Fact]
    public void Build_FailingCheck_IsInvalidNamingTheField()
    {
        var result = SendPreview.Build(Parsed(), Context(couponFound: false));

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.True(result.Errors!.ContainsKey("couponId"));
    }
}
