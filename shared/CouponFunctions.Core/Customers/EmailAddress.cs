namespace CouponFunctions.Core.Customers;

/// <summary>
/// Email syntax as mail providers accept it for sending: an RFC 5321 path of at most 254 characters, a dot-atom local part
/// of 1–64 characters (no quoted strings, no comments), and a domain of at least two DNS labels (1–63 letters, digits or
/// hyphens, not at either end; IDNs in their xn-- form) with an alphabetic top-level label.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    public const int MaxLocalLength = 64;
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-";

    /// <summary>The address trimmed with its domain in lower case, or null with the reason.</summary>
    public static string? Normalize(string input, out string? error)
    {
        var value = input.Trim();
        error = Check(value);
        if (error is not null) return null;
        var at = value.LastIndexOf('@');
        return string.Concat(value.AsSpan(0, at + 1), value[(at + 1)..].ToLowerInvariant());
    }

    /// <summary>The key duplicates are found by: the whole address in lower case (providers treat the local part as case-insensitive in practice).</summary>
    public static string DedupKey(string normalized) => normalized.ToLowerInvariant();

    private static string? Check(string value)
    {
        if (value.Length == 0) return "Email is empty.";
        if (value.Length > MaxLength) return $"Email is longer than {MaxLength} characters.";
        var at = value.IndexOf('@');
        if (at < 0 || at != value.LastIndexOf('@')) return "Email must have exactly one '@'.";
        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.Length is 0 or > MaxLocalLength) return $"The part before '@' must be 1–{MaxLocalLength} characters.";
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return "Email has a misplaced '.' before the '@'.";
        foreach (var c in local)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || LocalSpecials.Contains(c)))
                return $"Email has a character that is not allowed before the '@' ('{Show(c)}').";
        var labels = domain.Split('.');
        if (labels.Length < 2) return "The email's domain must have a dot (example.com).";
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63) return "The email's domain has an empty or too long part.";
            if (label[0] == '-' || label[^1] == '-') return "A part of the email's domain starts or ends with '-'.";
            foreach (var c in label)
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-')) return $"The email's domain has a character that is not allowed ('{Show(c)}').";
        }

        var top = labels[^1];
        if (top.Length < 2 || !(top.All(char.IsAsciiLetter) || top.StartsWith("xn--", StringComparison.OrdinalIgnoreCase)))
            return "The email's top-level domain is not valid.";
        return null;
    }

    private static string Show(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
}
