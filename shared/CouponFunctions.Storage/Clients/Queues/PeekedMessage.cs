namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>A message seen without being received: no pop receipt, visibility unchanged.</summary>
public sealed class PeekedMessage
{
    public required string MessageId { get; init; }

    public required string MessageText { get; init; }

    public BinaryData Body => BinaryData.FromString(MessageText);

    public bool DecodingFailed { get; init; }

    public long DequeueCount { get; init; }

    public DateTimeOffset? InsertedOn { get; init; }

    public DateTimeOffset? ExpiresOn { get; init; }
}
