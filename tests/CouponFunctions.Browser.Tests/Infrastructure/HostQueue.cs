using System.Collections.Concurrent;
using System.Text.Json;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Queues;
using CouponFunctions.Storage.Queues;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>
/// The app's queue as the tests see it: messages the app enqueues (for example "Sync now") are kept here, not in the
/// shared Azurite, and the test delivers them to their function the way the Functions host would.
/// </summary>
public sealed class HostQueue : IWorkQueue
{
    private readonly ConcurrentQueue<(string Queue, string Text)> _messages = new();

    public Task EnqueueAsync<TMessage>(TMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        where TMessage : class
    {
        _messages.Enqueue((QueueNames.For(typeof(TMessage)), JsonSerializer.Serialize(message, MessageJson.Options)));
        return Task.CompletedTask;
    }

    /// <summary>Takes every waiting message of <paramref name="queue"/> (in order).</summary>
    public IReadOnlyList<string> Take(string queue)
    {
        var taken = new List<string>();
        var others = new List<(string, string)>();
        while (_messages.TryDequeue(out var message))
        {
            if (message.Queue == queue) taken.Add(message.Text);
            else others.Add(message);
        }
        foreach (var other in others) _messages.Enqueue(other);
        return taken;
    }
}
