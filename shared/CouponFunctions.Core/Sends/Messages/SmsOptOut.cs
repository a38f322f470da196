namespace CouponFunctions.Core.Sends.Messages;

/// <summary>What kind of sender an SMS comes from: whether the customer can reply to it.</summary>
public enum SmsSenderKind
{
    /// <summary>A toll-free, short-code or long number: replies arrive (ACS handles STOP keywords on them).</summary>
    PhoneNumber,

    /// <summary>An alphanumeric sender id: one-way, so "reply STOP" cannot work and the opt-out is a link.</summary>
    Alphanumeric,
}

/// <summary>
/// The opt-out line appended to marketing SMS where the store's country expects one in every message (our reading of the
/// rules below; counsel should confirm before a new country is added):
/// <list type="bullet">
/// <item>US: the CTIA Messaging Principles that carriers enforce (and ACS's toll-free verification asks for) want opt-out
/// instructions in marketing messages.</item>
/// <item>GB: PECR reg. 22(3) — a simple means of refusing further messages in every marketing message.</item>
/// <item>SG: the Spam Control Act's Second Schedule asks for an unsubscribe facility in bulk commercial messages; we add it to
/// every SG send rather than depend on each consent record being beyond dispute.</item>
/// <item>HK: the Unsolicited Electronic Messages Ordinance asks commercial electronic messages for an unsubscribe facility.</item>
/// <item>MY, PH, VN: Malaysia's Content Code, the Philippine NTC rules on SMS broadcasts and Viet Nam's Decree 91/2020 ask
/// advertising messages to say how to refuse more.</item>
/// </list>
/// For TH, ID, TW, BR and MX we found no rule asking for it in each message (consent is what their laws require), so nothing is
/// appended and the 160 characters stay the merchant's; a merchant may still write one. Email always carries the unsubscribe
/// link. One-way (alphanumeric) senders cannot take a STOP reply, so they get the unsubscribe link instead, which makes the
/// SMS longer (the link is well over 100 characters): the preview shows the parts.
/// </summary>
public static class SmsOptOut
{
    private static readonly HashSet<string> Required = new(StringComparer.OrdinalIgnoreCase) { "US", "GB", "SG", "HK", "MY", "PH", "VN" };

    public static bool IsRequired(string site) => Required.Contains(site);

    /// <summary>The line to append (with its leading newline), or empty where the site does not expect one.</summary>
    /// <param name="unsubscribeUrl">Used for one-way (alphanumeric) senders, where a reply cannot opt out.</param>
    public static string Line(string site, SmsSenderKind sender, Uri unsubscribeUrl) =>
        !IsRequired(site) ? string.Empty
        : sender == SmsSenderKind.PhoneNumber ? "\nReply STOP to opt out"
        : "\nOpt out: " + unsubscribeUrl.AbsoluteUri;
}
