using System.Text.Json;
using Azure.Storage.Queues;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Queues;

namespace CouponFunctions.Storage.Queues;

/// <summary>Sends work messages as JSON to their queue (base64-encoded, as the Functions queue trigger expects).</summary>
internal sealed class StorageWorkQueue(QueueServiceClient queues) : IWorkQueue
{
    public async Task EnqueueAsync<TMessage>(TMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
        where TMessage : class
    {
        var queue = queues.GetQueueClient(QueueNames.For(typeof(TMessage)));
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, MessageJson.Options), delay is { } d && d > TimeSpan.Zero ? d : null, cancellationToken: cancellationToken);
    }
}
