using System.Globalization;
using System.Text.RegularExpressions;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// Safe OData <c>$filter</c> text: <c>TableFilter.Create($"PartitionKey eq {pk} and Count gt {n}")</c> quotes and escapes each value
/// by its type (like Azure.Data.Tables' <c>TableClient.CreateQueryFilter</c>), plus key-prefix ranges and and/or combinators.
/// </summary>
public static partial class TableFilter
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Create(ref TableFilterInterpolatedStringHandler filter) => filter.ToStringAndClear();

    /// <summary><c>PartitionKey ge 'prefix' and PartitionKey lt 'prefiy'</c>: every key that starts with <paramref name="prefix"/>.</summary>
    public static string PartitionKeyStartsWith(string prefix) => StartsWith(TableEntity.PartitionKeyName, prefix);

    public static string RowKeyStartsWith(string prefix) => StartsWith(TableEntity.RowKeyName, prefix);

    /// <summary>A range filter on a string property matching every value that starts with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string propertyName, string prefix)
    {
        ValidatePropertyName(propertyName);
        ArgumentNullException.ThrowIfNull(prefix);
        var lower = $"{propertyName} ge {FormatValue(prefix)}";
        var upper = NextPrefix(prefix);
        return upper is null ? lower : $"{lower} and {propertyName} lt {FormatValue(upper)}";
    }

    /// <summary>Joins the non-empty filters with <c>and</c>, each in parentheses.</summary>
    public static string And(params string?[] filters) => Join("and", filters);

    /// <summary>Joins the non-empty filters with <c>or</c>, each in parentheses.</summary>
    public static string Or(params string?[] filters) => Join("or", filters);

    /// <summary>The OData literal for a value: <c>'it''s'</c>, <c>42</c>, <c>42L</c>, <c>1.5</c>, <c>true</c>, <c>datetime'…'</c>, <c>guid'…'</c>, <c>X'…'</c>.</summary>
    public static string FormatValue<T>(T value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long or uint => Convert.ToString(value, CultureInfo.InvariantCulture) + "L",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        DateTimeOffset dto => $"datetime'{dto.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture)}'",
        DateTime dt => $"datetime'{(dt.Kind == DateTimeKind.Unspecified ? dt : dt.ToUniversalTime()).ToString(DateTimeFormat, CultureInfo.InvariantCulture)}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToMemory().Span)}'",
        Enum e => Quote(e.ToString()),
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be used in a table filter.", nameof(value)),
    };

    internal static void ValidatePropertyName(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        if (!PropertyNamePattern().IsMatch(propertyName))
        {
            throw new ArgumentException($"'{propertyName}' is not a valid property name.", nameof(propertyName));
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Join(string op, string?[] filters)
    {
        var parts = filters.Where(f => !string.IsNullOrWhiteSpace(f)).ToArray();
        return parts.Length == 1 ? parts[0]! : string.Join($" {op} ", parts.Select(f => $"({f})"));
    }

    /// <summary>The smallest string greater than every string with this prefix, or null if there is none.</summary>
    private static string? NextPrefix(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] == char.MaxValue) continue;
            chars[i]++;
            return new string(chars, 0, i + 1);
        }

        return null;
    }

    private static string FormatDouble(double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException("NaN and infinity cannot be compared in a table filter.", nameof(d));
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal)) return ExpandExponent(text);
        // A whole number needs ".0" or the service reads it as an Int32 literal.
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    // Azurite's filter lexer has no exponent syntax: write 1.5E+20 as 150000000000000000000.0, keeping every digit.
    private static string ExpandExponent(string text)
    {
        var negative = text.StartsWith('-');
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[(negative ? 1 : 0)..e];
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var position = (point < 0 ? mantissa.Length : point) + exponent;
        var expanded = position <= 0
            ? "0." + new string('0', -position) + digits
            : position >= digits.Length
                ? digits + new string('0', position - digits.Length) + ".0"
                : digits[..position] + "." + digits[position..];
        return (negative ? "-" : string.Empty) + expanded;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,254}$")]
    private static partial Regex PropertyNamePattern();
}
