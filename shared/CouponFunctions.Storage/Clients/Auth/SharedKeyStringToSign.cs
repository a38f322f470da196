using System.Text;

namespace CouponFunctions.Storage.Clients.Auth;

/// <summary>
/// The SharedKey string-to-sign layouts. Pure functions so the exact bytes can be unit-tested.
/// Paths and queries are passed exactly as they go on the wire (percent-encoded); with a path-style
/// endpoint (Azurite) the path already starts with the account, so the resource reads <c>/acct/acct/...</c>.
/// </summary>
internal static class SharedKeyStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>Blob and Queue: full SharedKey (Azurite rejects SharedKeyLite for these services).</summary>
    public static string ForBlobOrQueue(
        string method,
        IReadOnlyDictionary<string, string> headers,
        string accountName,
        string encodedPath,
        string? encodedQuery)
    {
        var builder = new StringBuilder(256).Append(method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            headers.TryGetValue(name, out var value);
            // Since 2015-02-21 a zero Content-Length is signed as empty; Date is empty because we send x-ms-date.
            if (name == "Content-Length" && value == "0") value = null;
            builder.Append(value).Append('\n');
        }

        foreach (var (name, value) in headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('/').Append(accountName).Append(encodedPath.Length == 0 ? "/" : encodedPath);
        foreach (var (name, values) in ParseQuery(encodedQuery)
                     .GroupBy(p => p.Name.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal)
                     .Select(g => (g.Key, g.Select(p => p.Value).Order(StringComparer.Ordinal))))
        {
            builder.Append('\n').Append(name).Append(':').AppendJoin(',', values);
        }

        return builder.ToString();
    }

    /// <summary>Table: SharedKeyLite (what Azure.Data.Tables sends): <c>x-ms-date\n/account/path[?comp=v]</c>.</summary>
    public static string ForTableLite(string xMsDate, string accountName, string encodedPath, string? encodedQuery)
    {
        var builder = new StringBuilder(128).Append(xMsDate).Append('\n')
            .Append('/').Append(accountName).Append(encodedPath.Length == 0 ? "/" : encodedPath);
        var comp = ParseQuery(encodedQuery).FirstOrDefault(p => p.Name.Equals("comp", StringComparison.OrdinalIgnoreCase));
        if (comp.Name is not null) builder.Append("?comp=").Append(comp.Value);
        return builder.ToString();
    }

    internal static IEnumerable<(string Name, string Value)> ParseQuery(string? encodedQuery)
    {
        if (string.IsNullOrEmpty(encodedQuery)) yield break;
        foreach (var pair in encodedQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return (Decode(name), Decode(value));
        }
    }

    // '+' means space in a query string; our own encoder never emits it, but signed values must decode like the service does.
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace("+", "%20", StringComparison.Ordinal));
}
