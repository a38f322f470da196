using System.Text;
using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Submits up to 100 actions on one partition as an all-or-nothing entity-group transaction (<c>POST /$batch</c>).
    /// A failed action is reported in the result (which index, status, error code); nothing was applied then.
    /// Invalid input (too many actions, mixed partitions, repeated rows, bad keys) throws <see cref="ArgumentException"/> before sending.
    /// </summary>
    public async Task<TableTransactionResult> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> transactionActions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        TableBatchContent.Validate(actions);
        var (body, contentType) = TableBatchContent.Build(_service, Name, actions);

        using var message = CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202) throw StorageHttp.Failure(response);

        var parts = TableBatchResponse.Parse(Encoding.UTF8.GetString(response.Content.ToMemory().Span));
        var failedPosition = parts.ToList().FindIndex(p => p.Status >= 300);
        if (failedPosition < 0 && parts.Count == actions.Count)
        {
            return new TableTransactionResult(response, parts.Select(p => p.Headers.TryGetValue("ETag", out var e) ? new ETag(e) : (ETag?)null).ToList());
        }

        if (failedPosition < 0)
        {
            throw new RequestFailedException(response.Status, $"The transaction answered {parts.Count} responses for {actions.Count} actions.", null, null);
        }

        var failed = parts[failedPosition];
        var (code, errorMessage) = TableBatchResponse.ReadError(failed);
        // Prefer the service's "index:" prefix; with one response per action the position says it too.
        var index = TableBatchResponse.FailedIndex(errorMessage) ?? (parts.Count == actions.Count ? failedPosition : null);
        return new TableTransactionResult(response, index, failed.Status, code, errorMessage);
    }
}
