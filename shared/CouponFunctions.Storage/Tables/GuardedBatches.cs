using Azure;
using Azure.Data.Tables;

namespace CouponFunctions.Storage.Tables;

/// <summary>
/// Entity-group transactions of conditional writes where one lost race must not sink the others: the refused action is
/// dropped (the service names it) and the rest resubmitted, so a batch of n rows with k conflicts costs k + 1 round trips.
/// </summary>
internal static class GuardedBatches
{
    /// <summary>Submits the actions (one partition, at most 100); returns the ETag of each written row by its row key, and the
    /// row keys dropped because the service answered one of <paramref name="droppable"/> statuses for them (412 changed,
    /// 404 gone, 409 exists).</summary>
    public static async Task<(Dictionary<string, ETag> Written, List<string> Dropped)> SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, int[] droppable, CancellationToken cancellationToken)
    {
        var pending = actions.ToList();
        var dropped = new List<string>();
        while (pending.Count > 0)
        {
            try
            {
                var response = await table.SubmitTransactionAsync(pending, cancellationToken);
                var written = new Dictionary<string, ETag>(StringComparer.Ordinal);
                for (var i = 0; i < pending.Count; i++)
                    written[pending[i].Entity.RowKey] = response.Value[i].Headers.ETag ?? default;
                return (written, dropped);
            }
            catch (TableTransactionFailedException e) when (droppable.Contains(e.Status))
            {
                if (e.FailedTransactionActionIndex is not { } index || index < 0 || index >= pending.Count)
                    return await OneByOneAsync(table, pending, droppable, dropped, cancellationToken);
                dropped.Add(pending[index].Entity.RowKey);
                pending.RemoveAt(index);
            }
        }

        return (new Dictionary<string, ETag>(StringComparer.Ordinal), dropped);
    }

    /// <summary>When the service does not say which action failed, each goes alone.</summary>
    private static async Task<(Dictionary<string, ETag>, List<string>)> OneByOneAsync(
        TableClient table, List<TableTransactionAction> actions, int[] droppable, List<string> dropped, CancellationToken cancellationToken)
    {
        var written = new Dictionary<string, ETag>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            try
            {
                var response = await table.SubmitTransactionAsync([action], cancellationToken);
                written[action.Entity.RowKey] = response.Value[0].Headers.ETag ?? default;
            }
            catch (TableTransactionFailedException e) when (droppable.Contains(e.Status))
            {
                dropped.Add(action.Entity.RowKey);
            }
        }
        return (written, dropped);
    }
}
