using CouponFunctions.LocalHost.Worker;
using DurableTask.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.LocalHost.Durable;

/// <summary>
/// Runs the DTFx dispatchers (a TaskHubWorker over <see cref="DurableEngine"/>) with <see cref="DurableMiddleware"/>, once the
/// worker has loaded its functions and only if some are Durable. <see cref="Ready"/> completes when the task hub exists and
/// the dispatchers run (at once when the app has no Durable functions). Stopped before the worker, so no work item is cut off
/// by the host itself; a killed host leaves its work items to be picked up again after a restart.
/// </summary>
internal sealed class DurableWorker(DurableEngine engine, WorkerChannel channel, FunctionInvoker invoker, ILoggerFactory loggerFactory) : BackgroundService
{
    private static readonly string[] s_durableBindings = ["orchestrationTrigger", "activityTrigger", "entityTrigger", "durableClient"];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private TaskHubWorker? _worker;

    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var functions = await channel.FirstLoad.WaitAsync(stoppingToken).ConfigureAwait(false);
            if (!functions.Any(f => f.Bindings.Any(b => s_durableBindings.Contains(b["type"]?.GetValue<string>(), StringComparer.OrdinalIgnoreCase))))
            {
                _ready.TrySetResult();
                return;
            }

            var service = engine.Service;
            await service.CreateIfNotExistsAsync().ConfigureAwait(false);
            var worker = new TaskHubWorker(
                service,
                new PlaceholderObjectManager<TaskOrchestration>(() => new WorkerOrchestration()),
                new PlaceholderObjectManager<TaskActivity>(() => new WorkerActivity()),
                loggerFactory)
            {
                ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
            };
            var middleware = new DurableMiddleware(channel, invoker, _stopping.Token);
            worker.AddOrchestrationDispatcherMiddleware(middleware.CallOrchestratorAsync);
            worker.AddActivityDispatcherMiddleware(middleware.CallActivityAsync);
            await worker.StartAsync().ConfigureAwait(false);
            _worker = worker;
            loggerFactory.CreateLogger<DurableWorker>().LogInformation("Durable task hub '{Hub}' started ({Partitions} partitions).", engine.Options.HubName, engine.Options.PartitionCount);
            _ready.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Azure.RequestFailedException)
        {
            _ready.TrySetException(ex);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_worker is { } worker) await worker.StopAsync(isForced: true).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }
}
