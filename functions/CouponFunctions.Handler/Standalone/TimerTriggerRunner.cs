using System.Text.Json;
using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Standalone;

/// <summary>
/// Fires one timer function on its schedule with the host's TimerInfo payload. Runs are awaited one after the
/// other, so a timer never overlaps itself; a run that ends after the next occurrence skips it (like the host).
/// A recorded next occurrence that already passed at start-up gives one immediate run with IsPastDue = true.
/// </summary>
internal sealed class TimerTriggerRunner(
    FunctionDefinition function,
    TimerTrigger trigger,
    FunctionDispatcher dispatcher,
    IScheduleMonitor monitor,
    TimeProvider time,
    ILogger logger)
{
    private readonly TimerSchedule _schedule = TimerSchedule.Parse(trigger.Schedule);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var status = trigger.UseMonitor ? await monitor.GetAsync(function.Name, cancellationToken) : null;
        var last = status?.Last;
        if (status is not null && status.Next < time.GetUtcNow())
        {
            await InvokeAsync(isPastDue: true, status.Last, status.Next, cancellationToken);
            last = status.Next;
        }
        else if (trigger.RunOnStartup)
        {
            await InvokeAsync(isPastDue: false, status?.Last, status?.Next, cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            // Never at or before the occurrence just run: a timer that wakes a little early must not fire it twice.
            var now = time.GetUtcNow();
            var next = _schedule.GetNextOccurrence(last is { } previous && previous > now ? previous : now);
            if (trigger.UseMonitor) await monitor.SetAsync(function.Name, new ScheduleStatus(last, next, now), cancellationToken);
            for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                await Task.Delay(wait, time, cancellationToken);
            // Late by more than a second means something held us (a long previous run, a paused process).
            var isPastDue = time.GetUtcNow() - next > TimeSpan.FromSeconds(1);
            await InvokeAsync(isPastDue, last, next, cancellationToken);
            last = next;
        }
    }

    private async Task InvokeAsync(bool isPastDue, DateTimeOffset? last, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            Data = new Dictionary<string, object>
            {
                [trigger.BindingName] = new
                {
                    Schedule = new { AdjustForDST = true },
                    ScheduleStatus = next is null ? null : new { Last = last ?? DateTimeOffset.MinValue, Next = next, LastUpdated = time.GetUtcNow() },
                    IsPastDue = isPastDue,
                },
            },
            Metadata = new Dictionary<string, object> { ["sys"] = SystemMetadata.Create(function.Name, time) },
        });
        var outcome = await dispatcher.InvokeAsync(function.Name, payload, null, cancellationToken);
        if (!outcome.Succeeded)
        {
            // A failed timer run is not retried by the host either; it runs again at its next occurrence.
            logger.LogWarning("Timer {FunctionName} failed with {StatusCode}: {Logs}", function.Name, outcome.StatusCode, string.Join(" | ", outcome.Result.Logs));
        }
    }
}

/// <summary>The host's Metadata.sys block.</summary>
internal static class SystemMetadata
{
    public static object Create(string methodName, TimeProvider time) =>
        new { MethodName = methodName, UtcNow = time.GetUtcNow(), RandGuid = Guid.NewGuid() };
}
