using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends.Messages;

namespace CouponFunctions.Core.Sends;

/// <summary>POST /api/sends/preview's answer: the messages as a sample member gets them, and the estimated recipients per channel.</summary>
/// <param name="EstimatedRecipients">Members reachable on the chosen channels (contact and consent, not opted out), before de-duplication.</param>
public sealed record SendPreviewResult(RenderedEmail? Email, RenderedSms? Sms, int Members, int EmailRecipients, int SmsRecipients, int EstimatedRecipients);

/// <summary>Renders the preview once the request passes the checks (the send time is not needed for a preview).</summary>
public static class SendPreview
{
    public static Result<SendPreviewResult> Build(ParsedSendRequest request, SendValidationContext context)
    {
        var errors = SendRequestValidator.Check(request, context, checkSchedule: request.ScheduledAt is not null);
        if (!errors.IsEmpty) return errors;
        var store = context.Store!;
        var coupon = context.Coupon!;
        var landing = ClaimLinks.Landing(store, request.LandingUrl, out _)!;
        var campaign = request.Campaign ?? "preview";
        var render = new RenderContext(context.SampleCustomerName, coupon, store, landing, campaign);
        var sample = new UnsubscribeRequest(store.TenantId, CustomerId.Parse("sample"), ContactChannel.Email, SendId.Parse("send-0000000000000000"));
        var email = request.Channels.Contains(ContactChannel.Email)
            ? request.Renderer.RenderEmail(render, UnsubscribeLinks.Url(context.PublicBaseUrl, context.Tokens.Create(sample)))
            : null;
        var sms = request.Channels.Contains(ContactChannel.Sms) ? SendRequestValidator.Sample(request, context, store, coupon, landing) : null;
        var reach = context.Reach;
        return Result<SendPreviewResult>.Ok(new SendPreviewResult(
            email, sms, reach.Members,
            request.Channels.Contains(ContactChannel.Email) ? reach.Email : 0,
            request.Channels.Contains(ContactChannel.Sms) ? reach.Sms : 0,
            reach.OnAny(request.Channels)));
    }
}
