using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace CouponFunctions.Benchmarks.Durable;

/// <summary>
/// B6's baseline: the test app's FanOut shape (n activities squaring their index, fan-in, one sub-orchestration calling one
/// activity) written for DurableTask.Core directly and run in this process on the same backend and settings, no worker.
/// </summary>
internal static class DirectFanOut
{
    /// <summary>The backend settings both runs use (the host gets the same through host.json overrides).</summary>
    public static AzureStorageOrchestrationService CreateService(string connectionString, string hubName, int maxConcurrentActivities) => new(new AzureStorageOrchestrationServiceSettings
    {
        TaskHubName = hubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        PartitionCount = 1,
        MaxConcurrentTaskActivityWorkItems = maxConcurrentActivities,
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        ExtendedSessionsEnabled = false,
        LoggerFactory = NullLoggerFactory.Instance,
    });

    /// <summary>Waits for an instance the way the direct run does (DTFx's client over the task hub), whoever runs it.</summary>
    public static Task<OrchestrationState> WaitAsync(AzureStorageOrchestrationService service, string instanceId, CancellationToken cancellationToken)
        => new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance)
            .WaitForOrchestrationAsync(new OrchestrationInstance { InstanceId = instanceId }, TimeSpan.FromMinutes(20), cancellationToken);

    public static async Task<(TimeSpan Elapsed, int Sum)> RunAsync(string connectionString, string hubName, int activities, int maxConcurrentActivities, CancellationToken cancellationToken)
    {
        var service = CreateService(connectionString, hubName, maxConcurrentActivities);
        await service.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        worker.AddTaskOrchestrations(typeof(FanOutOrchestration), typeof(CountUpOrchestration));
        worker.AddTaskActivities(typeof(SquareActivity), typeof(DoubleActivity));
        await worker.StartAsync();
        try
        {
            var client = new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance);
            await RunOnceAsync(client, service, WarmUpActivities, cancellationToken);
            return await RunOnceAsync(client, service, activities, cancellationToken);
        }
        finally
        {
            await worker.StopAsync(isForced: true);
        }
    }

    /// <summary>A small orchestration run first on each path, so neither figure includes lease acquisition, JIT or connections.</summary>
    public const int WarmUpActivities = 10;

    private static async Task<(TimeSpan Elapsed, int Sum)> RunOnceAsync(TaskHubClient client, AzureStorageOrchestrationService service, int activities, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var instance = await client.CreateOrchestrationInstanceAsync(typeof(FanOutOrchestration), activities);
        var state = await WaitAsync(service, instance.InstanceId, cancellationToken);
        clock.Stop();
        if (state?.OrchestrationStatus != OrchestrationStatus.Completed)
        {
            throw new InvalidOperationException($"The direct orchestration ended {state?.OrchestrationStatus}: {state?.Output}");
        }

        return (clock.Elapsed, int.Parse(state.Output, System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class FanOutOrchestration : TaskOrchestration<int, int>
    {
        public override async Task<int> RunTask(OrchestrationContext context, int input)
        {
            var squares = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.ScheduleTask<int>(typeof(SquareActivity), i)));
            await context.CreateSubOrchestrationInstance<int>(typeof(CountUpOrchestration), squares.Length);
            return squares.Sum();
        }
    }

    private sealed class CountUpOrchestration : TaskOrchestration<int, int>
    {
        public override Task<int> RunTask(OrchestrationContext context, int input) => context.ScheduleTask<int>(typeof(DoubleActivity), input);
    }

    private sealed class SquareActivity : TaskActivity<int, int>
    {
        protected override int Execute(TaskContext context, int input) => input * input;
    }

    private sealed class DoubleActivity : TaskActivity<int, int>
    {
        protected override int Execute(TaskContext context, int input) => input * 2;
    }
}
