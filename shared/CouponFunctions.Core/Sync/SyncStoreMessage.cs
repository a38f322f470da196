namespace CouponFunctions.Core.Sync;

/// <summary>Sync one store now. <paramref name="Reason"/> is "schedule" (timer) or "manual" (Sync now).</summary>
public sealed record SyncStoreMessage(string TenantId, string StoreId, string Reason, DateTimeOffset RequestedAt)
{
    public const string Scheduled = "schedule";
    public const string Manual = "manual";
}
