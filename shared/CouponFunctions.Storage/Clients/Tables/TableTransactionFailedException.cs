using Azure;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>Thrown by <see cref="TableTransactionResult.EnsureSuccess"/>: the transaction was rolled back because one action failed.</summary>
public sealed class TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
    : RequestFailedException(status, message, errorCode, null)
{
    /// <summary>Zero-based index of the action that failed, when the service said which.</summary>
    public int? FailedTransactionActionIndex { get; } = failedTransactionActionIndex;
}
