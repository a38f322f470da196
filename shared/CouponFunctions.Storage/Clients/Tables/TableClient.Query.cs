using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Tables;

public sealed partial class TableClient
{
    /// <summary>The service returns at most 1,000 entities per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Same as <see cref="TableFilter.Create"/>; named like Azure.Data.Tables' <c>TableClient.CreateQueryFilter</c>.</summary>
    public static string CreateQueryFilter(ref TableFilterInterpolatedStringHandler filter) => TableFilter.Create(ref filter);

    /// <summary>
    /// Queries entities, following <c>x-ms-continuation-NextPartitionKey/NextRowKey</c> until the service stops sending them.
    /// Build <paramref name="filter"/> with <see cref="TableFilter.Create"/> so values are escaped.
    /// </summary>
    public AsyncPageable<TableEntity> QueryAsync(
        string? filter = null,
        int? maxPerPage = null,
        IEnumerable<string>? select = null,
        CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, $"maxPerPage must be 1..{MaxPageSize}.");
        }

        var columns = select?.ToArray();
        return new FuncAsyncPageable<TableEntity>(
            (token, pageSizeHint, ct) => QueryPageAsync(filter, pageSizeHint ?? maxPerPage, columns, token, ct),
            cancellationToken);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(
        string? filter,
        int? top,
        string[]? select,
        string? continuationToken,
        CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Get, $"/{Name}()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter)) uri.AppendQuery("$filter", filter, escapeValue: true);
        if (top is { } n) uri.AppendQuery("$top", Math.Clamp(n, 1, MaxPageSize).ToString(CultureInfo.InvariantCulture), escapeValue: false);
        AppendSelect(message, select);
        var (nextPartitionKey, nextRowKey) = ParseContinuation(continuationToken);
        if (nextPartitionKey is not null) uri.AppendQuery("NextPartitionKey", nextPartitionKey, escapeValue: true);
        if (nextRowKey is not null) uri.AppendQuery("NextRowKey", nextRowKey, escapeValue: true);

        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageHttp.Failure(response);

        var entities = new List<TableEntity>();
        using (var document = JsonDocument.Parse(response.Content))
        {
            if (document.RootElement.TryGetProperty("value", out var values))
            {
                foreach (var element in values.EnumerateArray()) entities.Add(TableEntityJson.Deserialize(element));
            }
        }

        var next = FormatContinuation(
            StorageHttp.Header(response, "x-ms-continuation-NextPartitionKey"),
            StorageHttp.Header(response, "x-ms-continuation-NextRowKey"));
        return Page<TableEntity>.FromValues(entities, next, response);
    }

    // Same token shape as Azure.Data.Tables: "<NextPartitionKey> <NextRowKey>"; service tokens contain no spaces.
    private static string? FormatContinuation(string? nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextPartitionKey) ? null
        : string.IsNullOrEmpty(nextRowKey) ? nextPartitionKey
        : $"{nextPartitionKey} {nextRowKey}";

    private static (string? NextPartitionKey, string? NextRowKey) ParseContinuation(string? token)
    {
        if (string.IsNullOrEmpty(token)) return (null, null);
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}
