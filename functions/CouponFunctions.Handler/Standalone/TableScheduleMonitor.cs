using CouponFunctions.Storage.Runner;

namespace CouponFunctions.Handler.Standalone;

/// <summary>Keeps timer status in the RunnerSchedules table.</summary>
internal sealed class TableScheduleMonitor(ScheduleStatusStore store) : IScheduleMonitor
{
    public async Task<ScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken) =>
        await store.GetAsync(functionName, cancellationToken) is { } r ? new ScheduleStatus(r.Last, r.Next, r.LastUpdated) : null;

    public Task SetAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken) =>
        store.SetAsync(functionName, new TimerScheduleRecord(status.Last, status.Next, status.LastUpdated), cancellationToken);
}
