namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>The operation of one entity in an entity-group transaction (same names as Azure.Data.Tables).</summary>
public enum TableTransactionActionType
{
    Add,
    Delete,
    UpdateMerge,
    UpdateReplace,
    UpsertMerge,
    UpsertReplace,
}
