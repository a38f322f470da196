using System.Text;
using Azure.Data.Tables;

namespace CouponFunctions.Storage.Tables;

/// <summary>
/// Paging inside one partition by row key: a page is the first rows after the last key of the previous page, and the token
/// is that key (base64url, opaque to clients). Queries keep their partition filter, so a forged token can only move within
/// the caller's own partition. Unlike the service's own continuation, a page is always full unless it is the last.
/// </summary>
internal static class KeyPages
{
    public const int MaxPageSize = 1000;

    /// <summary>Up to <paramref name="pageSize"/> rows matching <paramref name="filter"/> after the token's row key, and the next token.</summary>
    public static async Task<(List<TableEntity> Rows, string? Next)> ReadAsync(
        TableClient table, string filter, int pageSize, string? continuationToken, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if (Decode(continuationToken) is { } after)
            filter = $"({filter}) and {TableClient.CreateQueryFilter($"RowKey gt {after}")}";

        var rows = new List<TableEntity>(pageSize);
        var more = false;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(pageSize + 1, MaxPageSize), select: select, cancellationToken: cancellationToken))
        {
            if (rows.Count == pageSize)
            {
                more = true;
                break;
            }
            rows.Add(e);
        }
        return (rows, more ? Encode(rows[^1].RowKey) : null);
    }

    private static string Encode(string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The row key in a token; a token that is not one of ours is refused (the endpoint turns this into a 400).</summary>
    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
            throw new FormatException("The continuation token is not valid.");
        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
