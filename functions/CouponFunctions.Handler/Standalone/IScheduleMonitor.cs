namespace CouponFunctions.Handler.Standalone;

/// <summary>The last and next run of a timer, kept across restarts so that a missed run is detected (IsPastDue).</summary>
internal sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>Where the standalone runner keeps timer schedule status (the Functions host keeps it in storage too).</summary>
internal interface IScheduleMonitor
{
    Task<ScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken);

    Task SetAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken);
}
