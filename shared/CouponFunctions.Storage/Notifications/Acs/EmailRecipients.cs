namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>To, Cc and Bcc lists; ACS accepts at most 50 recipients per message in total.</summary>
public sealed class EmailRecipients(
    IEnumerable<EmailAddress>? to = null,
    IEnumerable<EmailAddress>? cc = null,
    IEnumerable<EmailAddress>? bcc = null)
{
    public IList<EmailAddress> To { get; } = to?.ToList() ?? [];

    public IList<EmailAddress> CC { get; } = cc?.ToList() ?? [];

    public IList<EmailAddress> BCC { get; } = bcc?.ToList() ?? [];

    internal int Count => To.Count + CC.Count + BCC.Count;
}
