namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>Queue metadata and the service's approximate message count (it may lag).</summary>
public sealed class QueueProperties(int approximateMessagesCount, IReadOnlyDictionary<string, string> metadata)
{
    public int ApproximateMessagesCount { get; } = approximateMessagesCount;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;
}
