using System.Globalization;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Storage.Notifications.Acs;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// Azure Communication Services SMS. Each message carries its repeatability pair, so a retry after a lost answer is the same
/// request to ACS; an accepted message is recorded in the outbox (the sent-log), which is checked first so that a finished
/// send is not repeated at all. 429 comes back as Throttled, a refused recipient as Rejected with ACS's message.
/// </summary>
internal sealed class AcsSmsSink(AcsSmsClient sms, string sender, OutboxSmsSink outbox) : ISmsSink
{
    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        if (await outbox.GetAsync(message.TenantId, message.IdempotencyKey, cancellationToken) is { } recorded) return SmsSendResult.Sent(recorded.MessageId);
        var firstSent = DateTimeOffset.ParseExact(message.RepeatabilityFirstSent, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var response = await sms.SendAsync(
            new SmsSendRequest(sender, [new SmsRecipient(message.To, message.RepeatabilityRequestId, firstSent)], message.Text, Tag: message.Tag),
            cancellationToken);
        if (response.IsThrottled) return SmsSendResult.Throttled(response.RetryAfter ?? TimeSpan.FromMinutes(1));
        var result = response.Results.FirstOrDefault(r => r.To == message.To) ?? response.Results.FirstOrDefault();
        if (result is null) return SmsSendResult.Rejected("ACS answered without a result for the recipient.");
        if (!result.Successful || result.MessageId is null)
        {
            var why = result.ErrorMessage ?? $"HTTP {result.HttpStatusCode}";
            return SmsSendResult.Rejected(result.RepeatabilityResult == "rejected" ? $"{why} (repeatability rejected)" : why);
        }

        await outbox.RecordAsync(message, "acs-sms", result.MessageId, cancellationToken);
        return SmsSendResult.Sent(result.MessageId);
    }
}
