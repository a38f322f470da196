using System.Text.Json;
using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;
using CouponFunctions.Storage.Clients.Queues;

namespace CouponFunctions.Handler.Standalone;

/// <summary>
/// Polls one queue for one function the way the Functions queue extension does (azure.md §1.9): batches of
/// batchSize, a new batch when in-flight work drops to newBatchThreshold, exponential idle back-off up to
/// maxPollingInterval, a failed message made visible again after visibilityTimeout, and a message that failed
/// maxDequeueCount times moved to "&lt;queue&gt;-poison".
/// </summary>
internal sealed class QueueTriggerRunner(
    FunctionDefinition function,
    QueueTrigger trigger,
    QueueTriggerSettings settings,
    QueueClient queue,
    QueueClient poisonQueue,
    TimeSpan processingVisibility,
    FunctionDispatcher dispatcher,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken);
        var inFlight = new List<Task>();
        var idleDelay = MinimumPollingInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > settings.NewBatchThreshold)
            {
                await Task.WhenAny(inFlight);
                continue;
            }

            IReadOnlyList<QueueMessage> messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, processingVisibility, cancellationToken)).Value;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Polling {Queue} for {FunctionName} failed; backing off", trigger.QueueName, function.Name);
                messages = [];
            }

            if (messages.Count == 0)
            {
                await Task.Delay(idleDelay, time, cancellationToken);
                idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }
            idleDelay = MinimumPollingInterval;
            inFlight.AddRange(messages.Select(m => ProcessAsync(m, cancellationToken)));
        }
        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            // The host checks this on receipt too: a message already past the limit is not run again.
            if (message.DequeueCount > settings.MaxDequeueCount || message.DecodingFailed)
            {
                await MoveToPoisonAsync(message, cancellationToken);
                return;
            }

            var outcome = await dispatcher.InvokeAsync(function.Name, Payload(message), null, cancellationToken);
            if (outcome.Succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, cancellationToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, null, settings.VisibilityTimeout, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its processing visibility runs out.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling message {MessageId} of {Queue} failed outside the function", message.MessageId, trigger.QueueName);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken);
        await poisonQueue.SendMessageAsync(message.MessageText, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        logger.LogError(
            "Message {MessageId} of {Queue} failed {DequeueCount} times and moved to {PoisonQueue}",
            message.MessageId, trigger.QueueName, message.DequeueCount, poisonQueue.Name);
    }

    /// <summary>The queue trigger payload exactly as the host builds it: the text double-encoded, numbers as strings.</summary>
    private byte[] Payload(QueueMessage message) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        Data = new Dictionary<string, object> { [trigger.BindingName] = JsonSerializer.Serialize(message.MessageText) },
        Metadata = new Dictionary<string, object?>
        {
            ["DequeueCount"] = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ExpirationTime"] = message.ExpiresOn,
            ["Id"] = JsonSerializer.Serialize(message.MessageId),
            ["InsertionTime"] = message.InsertedOn,
            ["NextVisibleTime"] = message.NextVisibleOn,
            ["PopReceipt"] = JsonSerializer.Serialize(message.PopReceipt),
            ["sys"] = SystemMetadata.Create(function.Name, time),
        },
    });
}
