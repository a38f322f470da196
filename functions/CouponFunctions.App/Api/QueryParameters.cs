namespace CouponFunctions.App.Api;

/// <summary>The query string as name/value pairs for the use cases (which validate every name).</summary>
internal static class QueryParameters
{
    public static List<KeyValuePair<string, string?>> From(HttpRequest request) =>
        request.Query
            // "code" is the Functions host's function key when a route uses authLevel function; it is not ours.
            .Where(p => !p.Key.Equals("code", StringComparison.Ordinal))
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.Count > 1 ? string.Join(",", p.Value.ToArray()) : p.Value.ToString()))
            .ToList();

    /// <summary>An optional <c>pageSize</c>: absent is null, a number is that number (the use case bounds it), anything else a 400.</summary>
    public static bool TryPageSize(HttpRequest request, out int? size, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out IResult? problem)
    {
        size = null;
        problem = null;
        if (request.Query["pageSize"].ToString() is not { Length: > 0 } text) return true;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            size = parsed;
            return true;
        }
        problem = ApiResults.BadField("pageSize", "Page size is a whole number.");
        return false;
    }
}
