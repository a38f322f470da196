using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CouponFunctions.LocalHost.Configuration;
using CouponFunctions.LocalHost.Worker;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.LocalHost.Queues;

/// <summary>
/// Polls the queue of every queue-triggered function as Azure's host does: base64 messages, <c>batchSize</c> at a time and a
/// new batch when at most <c>newBatchThreshold</c> are running, back-off up to <c>maxPollingInterval</c> when empty; delete on
/// success, visible again after <c>visibilityTimeout</c> on failure, and moved to <c>&lt;queue&gt;-poison</c> after
/// <c>maxDequeueCount</c> tries.
/// </summary>
internal sealed class QueueTriggerListener(
    WorkerChannel channel,
    FunctionInvoker invoker,
    ScriptRoot root,
    TimeProvider time,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var functions = await channel.FirstLoad.WaitAsync(stoppingToken).ConfigureAwait(false);
        var options = QueueOptions.From(root);
        var queues = functions.Where(f => string.Equals(f.TriggerType, "queueTrigger", StringComparison.OrdinalIgnoreCase)).ToList();
        await Task.WhenAll(queues.Select(f => RunAsync(f, options, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunAsync(FunctionDescriptor function, QueueOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var name = root.Settings.Resolve(function.TriggerString("queueName") ?? throw new InvalidOperationException($"Queue function {function.Name} has no queueName."));
            var connection = root.Settings.StorageConnection(function.TriggerString("connection"));
            var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            var queue = new QueueClient(connection, name, clientOptions);
            var poison = new QueueClient(connection, name + "-poison", clientOptions);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Queue {Function}: listening on '{Queue}'", function.Name, name);
            await PollAsync(function, queue, poison, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or RequestFailedException)
        {
            logger.LogError("Queue function {Function} stopped: {Message}", function.Name, ex.Message);
        }
    }

    private async Task PollAsync(FunctionDescriptor function, QueueClient queue, QueueClient poison, QueueOptions options, CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        var delay = TimeSpan.Zero;
        // While a message runs it stays hidden; host.json functionTimeout bounds a run, so hide it a little longer than that.
        var hidden = (root.FunctionTimeout ?? TimeSpan.FromMinutes(10)) + TimeSpan.FromMinutes(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            if (running.Count > options.NewBatchThreshold)
            {
                await Task.WhenAny(running).ConfigureAwait(false);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, hidden, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning("Queue {Queue}: receive failed ({Status} {Code}); retrying.", queue.Name, ex.Status, ex.ErrorCode);
                messages = [];
            }

            if (messages.Length == 0)
            {
                delay = delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            delay = TimeSpan.Zero;
            running.AddRange(messages.Select(m => ProcessAsync(function, queue, poison, options, m, cancellationToken)));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task ProcessAsync(FunctionDescriptor function, QueueClient queue, QueueClient poison, QueueOptions options, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            // A message already tried too often (a worker that died mid-run each time) goes straight to poison.
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, cancellationToken).ConfigureAwait(false);
                return;
            }

            var result = await invoker.InvokeAsync(function, CreateInvocation(function, message), cancellationToken).ConfigureAwait(false);
            if (result.Success)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message becomes visible again when its hiding time ends.
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning("Queue {Queue}: settling message {Id} failed ({Status} {Code}).", queue.Name, message.MessageId, ex.Status, ex.ErrorCode);
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Queue {Queue}: message {Id} moved to {Poison} after {Count} tries.", queue.Name, message.MessageId, poison.Name, message.DequeueCount);
    }

    private static InvocationRequest CreateInvocation(FunctionDescriptor function, QueueMessage message)
    {
        var text = message.Body.ToString();
        var request = new InvocationRequest();
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { String = text } });
        var metadata = request.TriggerMetadata;
        metadata["QueueTrigger"] = new TypedData { String = text };
        metadata["Id"] = new TypedData { String = message.MessageId };
        metadata["PopReceipt"] = new TypedData { String = message.PopReceipt };
        metadata["DequeueCount"] = new TypedData { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) };
        metadata["InsertionTime"] = Time(message.InsertedOn);
        metadata["ExpirationTime"] = Time(message.ExpiresOn);
        metadata["NextVisibleTime"] = Time(message.NextVisibleOn);
        return request;
    }

    private static TypedData Time(DateTimeOffset? value) => new() { Json = JsonSerializer.Serialize(value) };
}
