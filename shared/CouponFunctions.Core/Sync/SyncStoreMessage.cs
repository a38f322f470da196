namespace CouponFunctions.Core.Sync;

/// <summary>Sync one store now. <paramref name="Reason"/> is "schedule" (timer) or "manual" (Sync now).</summary>
/// <param name="RunId">The run's id when "Sync now" gave it out already (the API answered with it); null to make one.</param>
/// <param name="LastWave">The store is of its platform's last wave in the timer's plan (see <see cref="PlanSyncHandler"/>).</param>
public sealed record SyncStoreMessage(string TenantId, string StoreId, string Reason, DateTimeOffset RequestedAt, string? RunId = null, bool LastWave = false)
{
    public const string Scheduled = "schedule";
    public const string Manual = "manual";

    /// <summary>A new run id: its start instant (sortable) and a random tail.</summary>
    public static string NewRunId(DateTimeOffset at) => $"{at.UtcDateTime:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}";
}
