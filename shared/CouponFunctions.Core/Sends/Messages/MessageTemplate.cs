namespace CouponFunctions.Core.Sends.Messages;

/// <summary>
/// A message template: text with placeholders in double braces ({{customer.name}}, spaces inside the braces allowed).
/// Parsing finds every placeholder once, so rendering per recipient is a walk over literal and placeholder parts.
/// </summary>
public sealed class MessageTemplate
{
    public const string CustomerName = "customer.name";
    public const string CouponName = "coupon.name";
    public const string CouponCode = "coupon.code";
    public const string CouponEndsAt = "coupon.endsAt";
    public const string ClaimUrl = "claimUrl";

    public static IReadOnlyList<string> Placeholders { get; } = [CustomerName, CouponName, CouponCode, CouponEndsAt, ClaimUrl];

    private readonly (string Text, bool IsPlaceholder)[] parts;

    private MessageTemplate((string, bool)[] parts) => this.parts = parts;

    public IEnumerable<string> UsedPlaceholders => parts.Where(p => p.IsPlaceholder).Select(p => p.Text).Distinct();

    /// <summary>The template, or null with the reason: an unknown placeholder (named) or braces that do not close.</summary>
    public static MessageTemplate? Parse(string text, out string? error)
    {
        var parts = new List<(string, bool)>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((text[at..], false));
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = "A placeholder opened with {{ is not closed with }}.";
                return null;
            }

            if (open > at) parts.Add((text[at..open], false));
            var name = text[(open + 2)..close].Trim();
            var known = Placeholders.FirstOrDefault(p => p.Equals(name, StringComparison.Ordinal));
            if (known is null)
            {
                error = $"Unknown placeholder {{{{{name}}}}}; use {string.Join(", ", Placeholders.Select(p => "{{" + p + "}}"))}.";
                return null;
            }

            parts.Add((known, true));
            at = close + 2;
        }

        error = null;
        return new MessageTemplate([.. parts]);
    }

    /// <summary>The text with each placeholder replaced by its value passed through <paramref name="encode"/> (HTML-encoding for an email body).</summary>
    public string Render(IReadOnlyDictionary<string, string> values, Func<string, string>? encode = null)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (part, isPlaceholder) in parts)
        {
            if (!isPlaceholder) text.Append(part);
            else
            {
                var value = values.TryGetValue(part, out var v) ? v : string.Empty;
                text.Append(encode is null ? value : encode(value));
            }
        }

        return text.ToString();
    }
}
