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
}
