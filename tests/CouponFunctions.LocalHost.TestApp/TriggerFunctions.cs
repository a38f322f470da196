using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.LocalHost.TestApp;

/// <summary>A monitored timer and a queue function that fails on messages starting with "fail"; both record each run.</summary>
internal sealed class TriggerFunctions(Recorder recorder)
{
    [Function("Tick")]
    public Task Tick([TimerTrigger("%TickSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken)
        => recorder.RecordAsync(
            "tick",
            new { timer.IsPastDue, Last = timer.ScheduleStatus?.Last, Next = timer.ScheduleStatus?.Next },
            cancellationToken);

    [Function("Work")]
    public async Task Work(
        [QueueTrigger("%WorkQueue%", Connection = "TestStorage")] string message,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var data = context.BindingContext.BindingData;
        await recorder.RecordAsync(
            "work",
            new
            {
                message,
                Id = data.GetValueOrDefault("Id")?.ToString(),
                PopReceipt = data.GetValueOrDefault("PopReceipt")?.ToString(),
                DequeueCount = data.GetValueOrDefault("DequeueCount")?.ToString(),
                InsertionTime = data.GetValueOrDefault("InsertionTime")?.ToString(),
                ExpirationTime = data.GetValueOrDefault("ExpirationTime")?.ToString(),
                NextVisibleTime = data.GetValueOrDefault("NextVisibleTime")?.ToString(),
            },
            cancellationToken).ConfigureAwait(false);
        if (message.StartsWith("fail", StringComparison.Ordinal)) throw new InvalidOperationException("Asked to fail.");
    }
}
