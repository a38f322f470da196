namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>A received message: delete it with <see cref="MessageId"/> + <see cref="PopReceipt"/> once handled.</summary>
public sealed class QueueMessage
{
    public required string MessageId { get; init; }

    public required string PopReceipt { get; init; }

    /// <summary>The decoded text (UTF-8 of the base64 payload with Base64 encoding).</summary>
    public required string MessageText { get; init; }

    public BinaryData Body => BinaryData.FromString(MessageText);

    /// <summary>True when the client expected base64 but the payload was not; <see cref="MessageText"/> then holds the raw text.</summary>
    public bool DecodingFailed { get; init; }

    /// <summary>How many times the message has been received, this time included.</summary>
    public long DequeueCount { get; init; }

    public DateTimeOffset? InsertedOn { get; init; }

    public DateTimeOffset? ExpiresOn { get; init; }

    public DateTimeOffset? NextVisibleOn { get; init; }
}
