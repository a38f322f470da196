namespace CouponFunctions.Core.Common;

/// <summary>
/// Strict parsing of what operators type: an enum by one of its names only (case-insensitive), never the flags-style
/// "viewer,admin" or a number that <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> accepts; and names that
/// may not carry control characters (NUL, ESC, CR/LF) or bidirectional overrides that disguise how text reads.
/// </summary>
public static class StrictNames
{
    public static bool TryParseEnum<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The enum's names as the API writes them (lower case), for error messages.</summary>
    public static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));

    /// <summary>True when <paramref name="text"/> holds a control character or a bidirectional embedding, override or isolate.</summary>
    public static bool HasUnsafeCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C') return true;
        }
        return false;
    }
}
