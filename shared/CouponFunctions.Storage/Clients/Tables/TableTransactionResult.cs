using Azure;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// Outcome of an entity-group transaction: all actions applied, or none (the service rolls back) and
/// <see cref="FailedActionIndex"/> says which action failed and why.
/// </summary>
public sealed class TableTransactionResult
{
    private readonly Response _response;

    internal TableTransactionResult(Response response, IReadOnlyList<ETag?> etags)
    {
        _response = response;
        Succeeded = true;
        ETags = etags;
    }

    internal TableTransactionResult(Response response, int? failedActionIndex, int failedStatus, string? errorCode, string? errorMessage)
    {
        _response = response;
        FailedActionIndex = failedActionIndex;
        FailedStatus = failedStatus;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ETags = [];
    }

    public bool Succeeded { get; }

    /// <summary>Zero-based index of the failed action (from the service's "index:message" error text); null on success or if the service did not say.</summary>
    public int? FailedActionIndex { get; }

    /// <summary>HTTP status of the failed action, e.g. 409 EntityAlreadyExists, 412 UpdateConditionNotSatisfied, 404 ResourceNotFound.</summary>
    public int? FailedStatus { get; }

    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    /// <summary>On success, the new ETag of each action in order (null for deletes).</summary>
    public IReadOnlyList<ETag?> ETags { get; }

    public Response GetRawResponse() => _response;

    /// <summary>Throws <see cref="TableTransactionFailedException"/> when the transaction failed.</summary>
    public void EnsureSuccess()
    {
        if (Succeeded) return;
        var message = $"Table transaction failed at action {FailedActionIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {ErrorCode} {ErrorMessage}";
        throw new TableTransactionFailedException(FailedStatus ?? _response.Status, message, ErrorCode, FailedActionIndex);
    }
}
