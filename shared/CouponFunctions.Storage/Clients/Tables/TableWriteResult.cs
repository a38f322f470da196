using Azure;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// Outcome of an ETag-guarded update or delete. A lost race (412) or a missing entity (404) is an expected
/// outcome, not an exception; any other failure still throws <see cref="RequestFailedException"/>.
/// </summary>
public sealed class TableWriteResult
{
    private readonly Response _response;

    internal TableWriteResult(Response response, ETag? etag, string? errorCode)
    {
        _response = response;
        ETag = etag;
        ErrorCode = errorCode;
    }

    public int Status => _response.Status;

    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The ETag no longer matched: someone else wrote the entity first (412 UpdateConditionNotSatisfied).</summary>
    public bool IsConflict => Status == 412;

    public bool IsNotFound => Status == 404;

    /// <summary>The entity's new ETag after a successful update; null after a delete or a failure.</summary>
    public ETag? ETag { get; }

    public string? ErrorCode { get; }

    public Response GetRawResponse() => _response;

    public override string ToString() => Succeeded ? $"Succeeded ({Status})" : $"{ErrorCode ?? "Failed"} ({Status})";
}
