using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Templates;

/// <summary>Bounds on operator text that ends up on a marketplace: length, and no control or bidirectional-override
/// characters (they hide or reorder what a reviewer sees, the "Trojan Source" trick).</summary>
internal static class TextRules
{
    public static bool HasForbiddenCharacter(string value, bool multiline)
    {
        foreach (var c in value)
        {
            if (multiline && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c)) return true;
            // Line and paragraph separators break a single line as surely as a newline does.
            if (!multiline && c is '\u2028' or '\u2029') return true;
            // U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return true;
        }

        return false;
    }

    /// <summary>Adds an error when the text is missing (if required), too long, or carries a forbidden character; returns the trimmed text.</summary>
    public static string? Check(string? value, string field, string label, int maxLength, bool required, ValidationErrors errors, bool multiline = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) errors.Add(field, $"{label} is required.");
            return null;
        }

        if (text.Length > maxLength)
            errors.Add(field, $"{label} can be at most {maxLength} characters; it has {text.Length}.");
        else if (HasForbiddenCharacter(text, multiline))
            errors.Add(field, $"{label} contains a control or text-direction character; remove it.");
        return text;
    }
}
