using CouponFunctions.App.Auth;
using CouponFunctions.Core.Sends;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Sends;

/// <summary>POST /api/sends/preview: the email and SMS as a sample member gets them, SMS encoding and parts, and the estimated recipients.</summary>
internal sealed class PreviewSendFunction(ManageSendsHandler handler)
{
    [Function("PreviewSend")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sends/preview")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<SendRequestInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.PreviewAsync(request.Caller(), input!, cancellationToken)).ToHttp(p => Results.Ok(new
        {
            email = p.Email is null ? null : new { subject = p.Email.Subject, html = p.Email.Html, text = p.Email.PlainText, headers = p.Email.Headers },
            sms = p.Sms is null ? null : new { text = p.Sms.Text, length = p.Sms.Info.Length, encoding = p.Sms.Info.Charset == Core.Sends.Messages.SmsCharset.Gsm7 ? "GSM-7" : "UCS-2", parts = p.Sms.Info.Parts },
            members = p.Members,
            estimatedRecipients = new { email = p.EmailRecipients, sms = p.SmsRecipients, total = p.EstimatedRecipients },
        }));
    }
}
