using Azure.Storage.Queues;
using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;
using CouponFunctions.Storage;
using Microsoft.Extensions.Azure;

namespace CouponFunctions.Handler.Standalone;

/// <summary>
/// Standalone mode's stand-in for the Functions host: reads the same function.json/host.json definitions and fires
/// every timer and queue trigger through the same payload contract. HTTP functions need nothing here: their
/// routes are served by this same server, as the host's forwarding does in Azure.
/// </summary>
internal sealed class TriggerRunner(
    FunctionAppDefinition app,
    FunctionDispatcher dispatcher,
    IScheduleMonitor monitor,
    IAzureClientFactory<QueueServiceClient> queueClients,
    TimeProvider time,
    ILogger<TriggerRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new List<Task>();
        foreach (var function in app.Functions)
        {
            switch (function.Trigger)
            {
                case TimerTrigger timer:
                    runs.Add(Guard(function, new TimerTriggerRunner(function, timer, dispatcher, monitor, time, logger).RunAsync, stoppingToken));
                    break;
                case QueueTrigger queue:
                    var settings = app.Host.Queues;
                    // Plain text on the wire: the runner decodes (or not) as host.json's messageEncoding says.
                    var clients = queueClients.CreateClient(CouponStorageOptions.PlainQueuesClientName);
                    // While a message is being handled it stays hidden; the host uses the function timeout (10 min when unbounded).
                    var processingVisibility = app.Host.FunctionTimeout ?? TimeSpan.FromMinutes(10);
                    var runner = new QueueTriggerRunner(
                        function, queue, settings,
                        clients.GetQueueClient(queue.QueueName),
                        clients.GetQueueClient(queue.QueueName + "-poison"),
                        processingVisibility, dispatcher, time, logger);
                    runs.Add(Guard(function, runner.RunAsync, stoppingToken));
                    break;
            }
        }
        logger.LogInformation("Standalone trigger runner started {Count} triggers from {Root}", runs.Count, app.RootPath);
        return Task.WhenAll(runs);
    }

    /// <summary>Keeps a trigger alive: if its loop fails (storage unreachable at start-up, say), restart it with back-off.</summary>
    private async Task Guard(FunctionDefinition function, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await run(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The trigger of {FunctionName} failed; restarting in {Delay}", function.Name, delay);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }
}
