using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CouponFunctions.Core.Common;

/// <summary>The one format every id of ours follows, so that ids are safe in table keys, queue names and URLs.</summary>
internal static partial class IdFormat
{
    // Lower-case letters, digits and hyphens: none of the characters Table Storage forbids in keys
    // ('/', '\', '#', '?', control characters), no '|' (our key separator) and nothing URL-encoding changes.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Pattern().IsMatch(value);

    public static string Describe(string what) =>
        $"{what} must be 2–63 characters of lower-case letters, digits and hyphens, starting with a letter or digit.";

    public static string NewId(string prefix) => $"{prefix}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 8))}";
}
