using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>
/// SHOPLINE's cursor paging, both ways it offers: <c>since_id</c> (items with a greater id, ascending) and <c>page_info</c>
/// from the Link header (<c>&lt;url?limit=..&amp;page_info=..&gt;; rel="next"</c>, sent while more items follow).
/// <c>limit</c> is 1–250. Only "next" links are made; this sandbox does not page backwards.
/// </summary>
internal static class ShoplinePaging
{
    public static (int Limit, long After, ShoplineRuleError? Error) Read(IQueryCollection query, ShoplineSandboxOptions options)
    {
        var limit = options.DefaultPageSize;
        if (query["limit"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > options.MaxPageSize))
            return (0, 0, new("limit", $"must be between 1 and {options.MaxPageSize}"));
        if (query["page_info"].ToString() is { Length: > 0 } pageInfo)
        {
            if (query.ContainsKey("since_id")) return (0, 0, new("page_info", "cannot be combined with since_id"));
            return TryDecode(pageInfo, out var after) ? (limit, after, null) : (0, 0, new("page_info", "is invalid"));
        }
        if (query["since_id"].ToString() is { Length: > 0 } since)
            return long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? (limit, after, null) : (0, 0, new("since_id", "is invalid"));
        return (limit, 0, null);
    }

    /// <summary>One page of id-ordered items, with the Link header when more follow.</summary>
    public static IResult Page<T>(HttpContext http, string name, IEnumerable<KeyValuePair<long, T>> ordered, int limit, long after, Func<T, object> write)
    {
        var items = ordered.Where(p => p.Key > after).Take(limit + 1).ToList();
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            var request = http.Request;
            var next = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?limit={limit}&page_info={Encode(items[^1].Key, limit)}";
            http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return ShoplineSandboxResults.Ok(new Dictionary<string, object?> { [name] = items.Select(p => write(p.Value)).ToList() });
    }

    private static string Encode(long sinceId, int limit) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"sinceId\":\"{sinceId}\",\"direction\":\"next\",\"limit\":{limit}}}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string pageInfo, out long sinceId)
    {
        sinceId = 0;
        try
        {
            var base64 = pageInfo.Replace('-', '+').Replace('_', '/');
            using var json = JsonDocument.Parse(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            return json.RootElement.TryGetProperty("sinceId", out var id) && long.TryParse(id.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out sinceId);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
