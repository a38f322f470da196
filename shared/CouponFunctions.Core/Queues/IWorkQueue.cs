namespace CouponFunctions.Core.Queues;

/// <summary>Fan-out work: queue messages carry ids, never state (the rows are the truth).</summary>
public interface IWorkQueue
{
    /// <param name="delay">Keeps the message invisible for a while, to spread work over time.</param>
    Task EnqueueAsync<TMessage>(TMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        where TMessage : class;
}
