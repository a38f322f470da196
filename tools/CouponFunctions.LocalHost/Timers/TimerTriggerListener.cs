using System.Text.Json;
using CouponFunctions.LocalHost.Configuration;
using CouponFunctions.LocalHost.Worker;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.LocalHost.Timers;

/// <summary>
/// Fires every timer-triggered function on its schedule (<c>%Setting%</c> resolved). One occurrence runs at a time per timer;
/// a run that ends after the next occurrence skips it. With <c>useMonitor</c> (the default) the status is saved after every
/// run, so a restart that finds the recorded next occurrence passed fires once with IsPastDue and never repeats a finished one.
/// </summary>
internal sealed class TimerTriggerListener(
    WorkerChannel channel,
    FunctionInvoker invoker,
    ScriptRoot root,
    TimeProvider time,
    ILogger<TimerTriggerListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var functions = await channel.FirstLoad.WaitAsync(stoppingToken).ConfigureAwait(false);
        var timers = functions.Where(f => string.Equals(f.TriggerType, "timerTrigger", StringComparison.OrdinalIgnoreCase)).ToList();
        if (timers.Count == 0) return;
        var monitor = new Lazy<BlobScheduleMonitor>(() => new BlobScheduleMonitor(root));
        await Task.WhenAll(timers.Select(f => RunAsync(f, monitor, stoppingToken))).ConfigureAwait(false);
    }

    private async Task RunAsync(FunctionDescriptor function, Lazy<BlobScheduleMonitor> monitor, CancellationToken cancellationToken)
    {
        try
        {
            var expression = root.Settings.Resolve(function.TriggerString("schedule") ?? throw new InvalidOperationException($"Timer {function.Name} has no schedule."));
            var schedule = TimerSchedule.Parse(expression);
            var useMonitor = function.TriggerBool("useMonitor", fallback: true);
            logger.LogInformation("Timer {Function}: schedule '{Schedule}', next at {Next:O}", function.Name, expression, schedule.GetNextOccurrence(time.GetUtcNow()));
            await LoopAsync(function, schedule, useMonitor ? monitor.Value : null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or Azure.RequestFailedException)
        {
            logger.LogError("Timer {Function} stopped: {Message}", function.Name, ex.Message);
        }
    }

    private async Task LoopAsync(FunctionDescriptor function, TimerSchedule schedule, BlobScheduleMonitor? monitor, CancellationToken cancellationToken)
    {
        var status = monitor is null ? null : await monitor.GetAsync(function.Name, cancellationToken).ConfigureAwait(false);
        if (status is not null && status.Next < time.GetUtcNow())
        {
            status = await FireAsync(function, schedule, monitor, status, status.Next, isPastDue: true, cancellationToken).ConfigureAwait(false);
        }
        else if (function.TriggerBool("runOnStartup", fallback: false))
        {
            await InvokeAsync(function, status, isPastDue: false, cancellationToken).ConfigureAwait(false);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            // Never at or before an occurrence already run: a timer that wakes a little early must not fire it twice.
            var next = status is not null && status.Next > now ? status.Next : schedule.GetNextOccurrence(status is not null && status.Last > now ? status.Last : now);
            if (status is null || status.Next != next)
            {
                status = new ScheduleStatus(status?.Last ?? DateTimeOffset.MinValue, next, now);
                if (monitor is not null) await monitor.SetAsync(function.Name, status, cancellationToken).ConfigureAwait(false);
            }

            // In steps of a day at most: one Task.Delay cannot wait beyond about 49.7 days (a yearly schedule, 29 February).
            for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
            {
                await Task.Delay(wait < MaxWait ? wait : MaxWait, time, cancellationToken).ConfigureAwait(false);
            }

            status = await FireAsync(function, schedule, monitor, status, next, isPastDue: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one occurrence, then records it as the last one and the following one as next.</summary>
    private async Task<ScheduleStatus> FireAsync(
        FunctionDescriptor function, TimerSchedule schedule, BlobScheduleMonitor? monitor, ScheduleStatus status, DateTimeOffset occurrence, bool isPastDue, CancellationToken cancellationToken)
    {
        await InvokeAsync(function, status, isPastDue, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var following = schedule.GetNextOccurrence(occurrence > now ? occurrence : now);
        var updated = new ScheduleStatus(occurrence, following, now);
        if (monitor is not null) await monitor.SetAsync(function.Name, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private async Task InvokeAsync(FunctionDescriptor function, ScheduleStatus? status, bool isPastDue, CancellationToken cancellationToken)
    {
        var timerInfo = new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = status is null ? null : new { status.Last, status.Next, status.LastUpdated },
            IsPastDue = isPastDue,
        };
        var request = new InvocationRequest();
        var json = JsonSerializer.Serialize(timerInfo);
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Json = json } });
        request.TriggerMetadata[function.TriggerName] = new TypedData { Json = json };
        // A failed run is not retried, as in Azure: the timer runs again at its next occurrence.
        await invoker.InvokeAsync(function, request, cancellationToken).ConfigureAwait(false);
    }
}
