using System.Globalization;
using System.Text.RegularExpressions;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// Reads the inner responses of a <c>$batch</c> answer. The outer status is 202 even when an action failed; then the
/// changeset holds a single error response whose message starts with the zero-based index of the failed action ("3:...").
/// </summary>
internal static partial class TableBatchResponse
{
    internal sealed record Part(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    public static IReadOnlyList<Part> Parse(string body)
    {
        var parts = new List<Part>();
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.", StringComparison.Ordinal)) continue;
            var status = int.Parse(lines[i].AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }

            var content = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++) content.Add(lines[i]);
            i--;
            parts.Add(new Part(status, headers, string.Join('\n', content).Trim()));
        }

        return parts;
    }

    public static (string? Code, string? Message) ReadError(Part part)
    {
        if (!part.Body.StartsWith('{')) return (null, null);
        try
        {
            return StorageErrorParser.ReadJson(BinaryData.FromString(part.Body));
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, null);
        }
    }

    public static int? FailedIndex(string? message)
    {
        var match = message is null ? null : IndexPrefix().Match(message);
        return match is { Success: true } && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
