namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>One recipient of an SMS request, with its repeatability pair (a GUID and the first attempt's time).</summary>
public sealed record SmsRecipient(string To, Guid? RepeatabilityRequestId = null, DateTimeOffset? RepeatabilityFirstSent = null);

/// <summary>POST /sms body: the sender (E.164 number or alphanumeric id), 1–100 recipients and one text (≤ 2048 characters).</summary>
public sealed record SmsSendRequest(string From, IReadOnlyList<SmsRecipient> Recipients, string Message, bool EnableDeliveryReport = false, string? Tag = null)
{
    public const int MaxRecipients = 100;
    public const int MaxMessageLength = 2048;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(From);
        ArgumentException.ThrowIfNullOrEmpty(Message);
        if (Recipients is null || Recipients.Count is 0 or > MaxRecipients)
            throw new ArgumentException($"An SMS request has 1–{MaxRecipients} recipients.", nameof(Recipients));
        if (Message.Length > MaxMessageLength)
            throw new ArgumentException($"An SMS text is at most {MaxMessageLength} characters.", nameof(Message));
        if (Recipients.Any(r => string.IsNullOrWhiteSpace(r.To) || (r.RepeatabilityRequestId is null) != (r.RepeatabilityFirstSent is null)))
            throw new ArgumentException("Every recipient needs a number, and both repeatability values or neither.", nameof(Recipients));
    }
}

/// <summary>ACS's answer for one recipient: check <see cref="Successful"/> for every one.</summary>
/// <param name="RepeatabilityResult">"accepted" or "rejected" when repeatability values were sent.</param>
public sealed record SmsRecipientResult(string To, string? MessageId, int HttpStatusCode, bool Successful, string? RepeatabilityResult, string? ErrorMessage);

/// <summary>
/// The answer to one POST /sms: 202 with a result per recipient, or 429 (nothing sent) with the wait ACS asked for.
/// Throttling is an expected outcome here, not an exception.
/// </summary>
public sealed record SmsSendResponse(int Status, IReadOnlyList<SmsRecipientResult> Results, TimeSpan? RetryAfter)
{
    public bool IsThrottled => Status == 429;
}
