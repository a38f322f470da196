using Azure;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>One operation of an entity-group transaction. For Update and Delete a default ETag means unconditional (<c>*</c>).</summary>
public sealed class TableTransactionAction(TableTransactionActionType actionType, TableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public TableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;
}
