using Azure;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Storage.Notifications.Acs;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// Customer emails through ACS Email: the message's Operation-Id is the send's deterministic one (DeliveryKeys), so a retry
/// after a lost answer is the same operation to ACS; the List-Unsubscribe headers go in the request's headers field. An
/// accepted email is recorded in the outbox (checked first, so a finished send is not repeated at all). 429 comes back as
/// Throttled with its Retry-After, another 4xx as Rejected with ACS's message.
/// </summary>
internal sealed class AcsCustomerEmailSink(AcsEmailClient email, string senderAddress, OutboxCustomerEmailSink outbox) : ICustomerEmailSink
{
    public async Task<EmailSendOutcome> SendAsync(CustomerEmail message, CancellationToken cancellationToken = default)
    {
        if (await outbox.GetAsync(message.TenantId, message.IdempotencyKey, cancellationToken) is { } recorded) return EmailSendOutcome.Sent(recorded.MessageId);
        var request = new EmailMessage(senderAddress, new EmailRecipients([new EmailAddress(message.To)]), new EmailContent(message.Subject) { Html = message.Html, PlainText = message.PlainText });
        foreach (var (name, value) in message.Headers) request.Headers[name] = value;
        try
        {
            var accepted = await email.SendAsync(request, message.OperationId.ToString("D"), cancellationToken);
            await outbox.RecordAsync(message, "acs-email", accepted.Value.Id, cancellationToken);
            return EmailSendOutcome.Sent(accepted.Value.Id);
        }
        catch (RequestFailedException e) when (e.Status == 429)
        {
            var retry = e.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true && int.TryParse(value, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(1);
            return EmailSendOutcome.Throttled(retry);
        }
        catch (RequestFailedException e) when (e.Status is >= 400 and < 500 and not 408)
        {
            return EmailSendOutcome.Rejected($"HTTP {e.Status} {e.ErrorCode}".Trim());
        }
    }
}
