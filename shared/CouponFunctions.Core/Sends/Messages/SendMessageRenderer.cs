using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sends.Messages;

/// <summary>An email ready for the provider: subject, HTML and plain-text bodies, and the List-Unsubscribe headers.</summary>
public sealed record RenderedEmail(string Subject, string Html, string PlainText, IReadOnlyDictionary<string, string> Headers);

/// <summary>An SMS ready for the provider, with its encoding, length and parts.</summary>
public sealed record RenderedSms(string Text, SmsInfo Info);

/// <summary>What one message is rendered with: the customer's name, the coupon, the store, the send's landing page and campaign.</summary>
public sealed record RenderContext(string? CustomerName, Coupon Coupon, Store Store, Uri Landing, string Campaign);

/// <summary>
/// Renders a send's templates for one recipient. The email body is the merchant's HTML with every value HTML-encoded, followed
/// by an unsubscribe footer; the subject and the SMS are plain text. Parsing happens once per send, rendering once per message.
/// </summary>
public sealed partial class SendMessageRenderer
{
    /// <summary>ACS SMS accepts at most 2,048 characters per message.</summary>
    public const int MaxSmsCharacters = 2048;

    public const int MaxSubjectLength = 200;
    public const int MaxEmailBodyLength = 100_000;
    public const int MaxSmsTemplateLength = 1000;

    private readonly MessageTemplate? subject;
    private readonly MessageTemplate? body;
    private readonly MessageTemplate? sms;

    private SendMessageRenderer(MessageTemplate? subject, MessageTemplate? body, MessageTemplate? sms)
    {
        this.subject = subject;
        this.body = body;
        this.sms = sms;
    }

    /// <summary>The renderer, or the errors by field (message.emailSubject, message.emailBody, message.smsText) for the chosen channels.</summary>
    public static Result<SendMessageRenderer> Create(SendMessage? message, IReadOnlyCollection<ContactChannel> channels)
    {
        var errors = new ValidationErrors();
        MessageTemplate? subject = null, body = null, sms = null;
        if (channels.Contains(ContactChannel.Email))
        {
            subject = Parse(message?.EmailSubject, "message.emailSubject", MaxSubjectLength, singleLine: true, errors);
            body = Parse(message?.EmailBody, "message.emailBody", MaxEmailBodyLength, singleLine: false, errors);
        }

        if (channels.Contains(ContactChannel.Sms)) sms = Parse(message?.SmsText, "message.smsText", MaxSmsTemplateLength, singleLine: false, errors);
        return errors.IsEmpty ? Result<SendMessageRenderer>.Ok(new SendMessageRenderer(subject, body, sms)) : errors;
    }

    /// <summary>Placeholders used by the templates of the chosen channels, with the field that uses each.</summary>
    public IEnumerable<(string Field, string Placeholder)> Uses()
    {
        foreach (var p in subject?.UsedPlaceholders ?? []) yield return ("message.emailSubject", p);
        foreach (var p in body?.UsedPlaceholders ?? []) yield return ("message.emailBody", p);
        foreach (var p in sms?.UsedPlaceholders ?? []) yield return ("message.smsText", p);
    }

    public RenderedEmail RenderEmail(RenderContext context, Uri unsubscribeUrl)
    {
        if (subject is null || body is null) throw new InvalidOperationException("The send has no email channel.");
        var values = Values(context, ContactChannel.Email);
        var subjectText = OneLine(subject.Render(values));
        var rendered = body.Render(values, WebUtility.HtmlEncode);
        var html = new StringBuilder(rendered);
        html.Append("<p style=\"margin:24px 0 0;font-size:12px;color:#666\">You receive this because you agreed to hear from ")
            .Append(WebUtility.HtmlEncode(context.Store.DisplayName)).Append(". <a href=\"")
            .Append(WebUtility.HtmlEncode(unsubscribeUrl.AbsoluteUri)).Append("\" style=\"color:#666\">Unsubscribe</a></p>");
        var plain = PlainText(rendered) + "\n\n"
            + $"You receive this because you agreed to hear from {context.Store.DisplayName}. Unsubscribe: {unsubscribeUrl.AbsoluteUri}";
        return new RenderedEmail(subjectText, html.ToString(), plain, UnsubscribeLinks.Headers(unsubscribeUrl));
    }

    public RenderedSms RenderSms(RenderContext context, SmsSenderKind sender, Uri unsubscribeUrl)
    {
        if (sms is null) throw new InvalidOperationException("The send has no SMS channel.");
        var text = sms.Render(Values(context, ContactChannel.Sms)) + SmsOptOut.Line(context.Store.Site, sender, unsubscribeUrl);
        return new RenderedSms(text, SmsEncoding.Measure(text));
    }

    private static IReadOnlyDictionary<string, string> Values(RenderContext context, ContactChannel channel) =>
        MessageValues.For(context.CustomerName, context.Coupon, StoreZone(context.Store), ClaimLinks.Tag(context.Landing, channel, context.Campaign));

    private static TimeZoneInfo StoreZone(Store store) => Coupons.Listing.StoreZones.Find(store.TimeZoneId);

    private static MessageTemplate? Parse(string? text, string field, int max, bool singleLine, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "Required for the chosen channels.");
            return null;
        }

        if (text.Length > max) errors.Add(field, $"At most {max:N0} characters.");
        else if (singleLine && text.AsSpan().IndexOfAny('\r', '\n') >= 0) errors.Add(field, "Must be one line.");
        else if (!SafeText.IsSafe(text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal)))
            errors.Add(field, "Has control or direction-changing characters.");
        else
        {
            var template = MessageTemplate.Parse(text, out var error);
            if (error is not null) errors.Add(field, error);
            return template;
        }

        return null;
    }

    // Values from platforms (a coupon name) could hold a line break; a subject header must not.
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex("<br\\s*/?>|</p\\s*>|</div\\s*>|</h[1-6]\\s*>|</li\\s*>|</tr\\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex("[ \\t]*\\n[ \\t\\n]*\\n", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();

    /// <summary>A plain-text alternative of the HTML body: scripts and styles dropped, block ends as line breaks, tags removed, entities decoded.</summary>
    private static string PlainText(string html)
    {
        var text = Hidden().Replace(html, string.Empty);
        text = Breaks().Replace(text, "\n");
        text = Tags().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text).Replace("\r", string.Empty, StringComparison.Ordinal);
        return BlankLines().Replace(text, "\n\n").Trim();
    }
}
