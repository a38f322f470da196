using System.Globalization;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>Query-string values by known name, with the checks every parameter shares; each problem lands in the errors under the parameter's name.</summary>
internal sealed class QueryParameters
{
    public const int MaxValueLength = 4096;
    public const int MaxListItems = 200;

    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public QueryParameters(IEnumerable<KeyValuePair<string, string?>> parameters, IReadOnlyList<string> known, ValidationErrors errors)
    {
        Errors = errors;
        foreach (var (rawName, rawValue) in parameters)
        {
            var name = known.FirstOrDefault(k => string.Equals(k, rawName, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                errors.Add(Shorten(rawName), $"Unknown parameter {Quote(rawName)}. Allowed: {string.Join(", ", known)}.");
            else if (values.ContainsKey(name))
                errors.Add(name, $"Give '{name}' once; use a comma-separated list for several values.");
            else if (rawValue is { Length: > MaxValueLength })
                errors.Add(name, $"'{name}' is longer than {MaxValueLength} characters.");
            else if (!string.IsNullOrWhiteSpace(rawValue))
                values[name] = rawValue.Trim();
        }
    }

    public delegate bool TryParser<T>(string text, out T value);

    public ValidationErrors Errors { get; }

    public string? Get(string name) => values.GetValueOrDefault(name);

    /// <summary>A comma-separated list; blank items are skipped, each bad item is named.</summary>
    public HashSet<T> List<T>(string name, TryParser<T> parse, string allowed, IEqualityComparer<T>? comparer = null)
    {
        var set = new HashSet<T>(comparer);
        if (Get(name) is not { } text) return set;

        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length > MaxListItems)
        {
            Errors.Add(name, $"'{name}' lists {items.Length} values; at most {MaxListItems} are allowed.");
            return set;
        }

        foreach (var item in items)
        {
            if (parse(item, out var value)) set.Add(value);
            else Errors.Add(name, $"{Quote(item)} is not a valid {name}. Allowed: {allowed}.");
        }

        return set;
    }

    public int? Integer(string name, int min, int max)
    {
        if (Get(name) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Errors.Add(name, $"'{name}' must be a whole number from {min} to {max}.");
        return null;
    }

    public T? One<T>(string name, TryParser<T> parse, string allowed)
        where T : struct
    {
        if (Get(name) is not { } text) return null;
        if (parse(text, out var value)) return value;
        Errors.Add(name, $"{Quote(text)} is not a valid {name}. Allowed: {allowed}.");
        return null;
    }

    // Echoed input is cut short: error messages are shown to people and logged.
    private static string Quote(string text) => $"'{Shorten(text)}'";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
