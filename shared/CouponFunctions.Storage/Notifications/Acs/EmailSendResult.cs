using Azure;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>The send operation's id (the Operation-Id the caller chose), its status, and the error when it failed.</summary>
public sealed class EmailSendResult(string id, EmailSendStatus status, ResponseError? error = null)
{
    public string Id { get; } = id;

    public EmailSendStatus Status { get; } = status;

    public ResponseError? Error { get; } = error;
}
