namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>Subject plus a plain-text and/or HTML body.</summary>
public sealed class EmailContent(string subject)
{
    public string Subject { get; } = string.IsNullOrWhiteSpace(subject)
        ? throw new ArgumentException("A subject is required.", nameof(subject))
        : subject;

    public string? PlainText { get; set; }

    public string? Html { get; set; }
}
