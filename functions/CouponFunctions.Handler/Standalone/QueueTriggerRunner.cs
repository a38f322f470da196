using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Standalone;

/// <summary>
/// Polls one queue for one function the way the Functions queue extension does (azure.md §1.9): batches of
/// batchSize, a new batch when in-flight work drops to newBatchThreshold, exponential idle back-off up to
/// maxPollingInterval, a failed message made visible again after visibilityTimeout, and a message that failed
/// maxDequeueCount times moved to "&lt;queue&gt;-poison". The queues are read as plain text and decoded here, as the host
/// does, so a message that is not valid base64 goes to the poison queue instead of failing the whole batch.
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
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
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

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, processingVisibility, cancellationToken)).Value;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Polling {Queue} for {FunctionName} failed; backing off", trigger.QueueName, function.Name);
                messages = [];
            }

            if (messages.Length == 0)
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
            var text = Decode(message.Body);
            if (message.DequeueCount > settings.MaxDequeueCount || text is null)
            {
                await MoveToPoisonAsync(message, cancellationToken);
                return;
            }

            var outcome = await dispatcher.InvokeAsync(function.Name, Payload(message, text), null, cancellationToken);
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
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, (string?)null, settings.VisibilityTimeout, cancellationToken);
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
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        // The text as it was on the wire (still base64), as the host moves it.
        await poisonQueue.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        logger.LogError(
            "Message {MessageId} of {Queue} failed {DequeueCount} times and moved to {PoisonQueue}",
            message.MessageId, trigger.QueueName, message.DequeueCount, poisonQueue.Name);
    }

    /// <summary>The message text: base64-decoded when host.json says messageEncoding base64; null when it cannot be.</summary>
    private string? Decode(BinaryData body)
    {
        if (!settings.Base64Encoding) return body.ToString();
        var bytes = new byte[body.ToMemory().Length];
        if (!Convert.TryFromBase64String(body.ToString(), bytes, out var written)) return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The queue trigger payload exactly as the host builds it: the text double-encoded, numbers as strings.</summary>
    private byte[] Payload(QueueMessage message, string text) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        Data = new Dictionary<string, object> { [trigger.BindingName] = JsonSerializer.Serialize(text) },
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
