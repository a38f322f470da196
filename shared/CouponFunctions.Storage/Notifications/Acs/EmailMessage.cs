namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>An email to send through ACS, shaped like Azure.Communication.Email's EmailMessage.</summary>
public sealed class EmailMessage(string senderAddress, EmailRecipients recipients, EmailContent content)
{
    public const int MaxRecipients = 50;

    public EmailMessage(string senderAddress, string recipientAddress, string subject, string htmlContent, string? plainTextContent = null)
        : this(senderAddress, new EmailRecipients([new EmailAddress(recipientAddress)]), new EmailContent(subject) { Html = htmlContent, PlainText = plainTextContent })
    {
    }

    /// <summary>A MailFrom address of a verified domain, e.g. <c>DoNotReply@contoso.com</c>.</summary>
    public string SenderAddress { get; } = string.IsNullOrWhiteSpace(senderAddress)
        ? throw new ArgumentException("A sender address is required.", nameof(senderAddress))
        : senderAddress;

    public EmailRecipients Recipients { get; } = recipients ?? throw new ArgumentNullException(nameof(recipients));

    public EmailContent Content { get; } = content ?? throw new ArgumentNullException(nameof(content));

    public IList<EmailAddress> ReplyTo { get; } = [];

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool UserEngagementTrackingDisabled { get; set; }

    internal void Validate()
    {
        if (Recipients.Count == 0) throw new ArgumentException("At least one recipient is required.", nameof(Recipients));
        if (Recipients.Count > MaxRecipients) throw new ArgumentException($"At most {MaxRecipients} recipients per message; got {Recipients.Count}.", nameof(Recipients));
        if (string.IsNullOrEmpty(Content.PlainText) && string.IsNullOrEmpty(Content.Html))
        {
            throw new ArgumentException("The content needs a plain-text or an HTML body.", nameof(Content));
        }
    }
}
