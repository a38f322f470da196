namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>What Put Message returns: the new message's id, pop receipt and times.</summary>
public sealed class SendReceipt
{
    public required string MessageId { get; init; }

    public required string PopReceipt { get; init; }

    public DateTimeOffset InsertionTime { get; init; }

    /// <summary>When the message expires; far in the future (9999-12-31) for a time-to-live of -1.</summary>
    public DateTimeOffset ExpirationTime { get; init; }

    public DateTimeOffset TimeNextVisible { get; init; }
}
