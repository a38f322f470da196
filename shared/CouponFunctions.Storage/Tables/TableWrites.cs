using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Storage.Tables;

/// <summary>
/// The expected outcomes of conditional table writes, in one place: a write that lost a race (412 on an ETag-guarded
/// update, 409 on an insert of a row that exists) comes back as a Conflict result; anything else still throws.
/// </summary>
internal static class TableWrites
{
    /// <summary>Replaces or merges the row if it is still at <paramref name="ifMatch"/>: its new ETag, or Conflict when someone else wrote it first.</summary>
    public static async Task<Result<ETag>> UpdateIfUnchangedAsync(
        this TableClient table, ITableEntity entity, ETag ifMatch, TableUpdateMode mode, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken);
            return Result<ETag>.Ok(response.Headers.ETag ?? throw new InvalidOperationException("The table service returned no ETag for an update."));
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            // 412: the row changed since we read it. 404: it was removed since we read it. Either way the race is lost.
            return Result<ETag>.Conflict($"{table.Name} ({entity.PartitionKey}, {entity.RowKey}) changed since it was read.");
        }
    }

    /// <summary>Inserts the row unless it exists: its ETag, or Conflict when the row was there already.</summary>
    public static async Task<Result<ETag>> AddIfAbsentAsync(this TableClient table, ITableEntity entity, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            return Result<ETag>.Ok(response.Headers.ETag ?? throw new InvalidOperationException("The table service returned no ETag for an insert."));
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return Result<ETag>.Conflict($"{table.Name} ({entity.PartitionKey}, {entity.RowKey}) exists already.");
        }
    }

    /// <summary>One entity-group transaction (all actions or none): null when it applied, else which action the service refused and why.</summary>
    public static async Task<TableBatchFailure?> TrySubmitAsync(
        this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return null;
        }
        catch (TableTransactionFailedException e)
        {
            var index = e.FailedTransactionActionIndex;
            var action = index is { } i && i >= 0 && i < actions.Count ? actions[i] : null;
            return new TableBatchFailure(table.Name, index, action, e.Status, e.ErrorCode, e);
        }
    }

    /// <summary>Submits the transaction; a refused one throws, naming the failed action.</summary>
    public static async Task SubmitAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        if (await table.TrySubmitAsync(actions, cancellationToken) is { } failure) throw new TableBatchException(failure);
    }
}

/// <summary>Which action of an entity-group transaction the service refused (the whole transaction was rolled back).</summary>
internal sealed record TableBatchFailure(string Table, int? ActionIndex, TableTransactionAction? Action, int Status, string? ErrorCode, Exception Cause)
{
    public override string ToString() =>
        $"The {Table} transaction was rolled back: action {ActionIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}"
        + (Action is null ? string.Empty : $" ({Action.ActionType} {Action.Entity.PartitionKey}/{Action.Entity.RowKey})")
        + $" failed with HTTP {Status} {ErrorCode}.";
}

/// <summary>An entity-group transaction the service refused; <see cref="Failure"/> names the action.</summary>
internal sealed class TableBatchException(TableBatchFailure failure) : Exception(failure.ToString(), failure.Cause)
{
    public TableBatchFailure Failure { get; } = failure;
}
