using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Inspections;

/// <summary>A tenant's inspection thresholds and slots; every value has a documented default.</summary>
public sealed record InspectionSettings
{
    public static InspectionSettings Default { get; } = new();

    /// <summary>Low stock when what is left is at or under this percent of the total (null: off). Default 10.</summary>
    public decimal? LowStockPercent { get; init; } = 10m;

    /// <summary>Low stock when at most this many are left (null: off). Default 20. Either threshold is enough.</summary>
    public int? LowStockCount { get; init; } = 20;

    /// <summary>"Expiring soon" covers coupons that end on one of this many local calendar days after today. Default 3.</summary>
    public int ExpiryWindowDays { get; init; } = 3;

    /// <summary>A store's list is stale when its last successful sync is older than this. Default 2 hours
    /// (8 runs of the default 15-minute sync); keep it at least 3 sync intervals.</summary>
    public TimeSpan StaleSyncAge { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A store's sync is failing after this many failures in a row. Default 3 (one blip is not an alert).</summary>
    public int FailingSyncCount { get; init; } = 3;

    /// <summary>How long a status may lag its start or end before "not started" or "ended but active" fires: the
    /// status comes from the last sync (Shopee's is even derived from the times then). Default 30 minutes.</summary>
    public TimeSpan StatusGrace { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Usage hints need at least this many claims to judge a redemption rate. Default 30.</summary>
    public int UsageMinClaims { get; init; } = 30;

    /// <summary>Usage hints need the coupon to have run this long, so buyers had time to use what they claimed. Default 2 days.</summary>
    public TimeSpan UsageMinRunTime { get; init; } = TimeSpan.FromDays(2);

    /// <summary>"Low claims": at most this percent of the total quantity claimed. Default 20.</summary>
    public decimal LowClaimSharePercent { get; init; } = 20m;

    /// <summary>"High usage": at least this percent of claims used. Default 50.</summary>
    public decimal HighRedemptionPercent { get; init; } = 50m;

    /// <summary>"High claims": at least this percent of the total quantity claimed. Default 50.</summary>
    public decimal HighClaimSharePercent { get; init; } = 50m;

    /// <summary>"Low usage": at most this percent of claims used. Default 10.</summary>
    public decimal LowRedemptionPercent { get; init; } = 10m;

    /// <summary>When the store is inspected, in its own time zone. Default 09:00 and 15:00.</summary>
    public IReadOnlyList<TimeOnly> Slots { get; init; } = [new(9, 0), new(15, 0)];

    /// <summary>Every out-of-range value, by its camelCase name; empty when the settings are usable.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        void Check(bool ok, string field, string message)
        {
            if (!ok) errors.Add(field, message);
        }

        Check(LowStockPercent is null or (>= 0m and <= 100m), "lowStockPercent", "The low-stock percent must be 0–100 (or absent to turn it off).");
        Check(LowStockCount is null or >= 0, "lowStockCount", "The low-stock count cannot be negative.");
        Check(ExpiryWindowDays is >= 0 and <= 60, "expiryWindowDays", "The expiry window must be 0–60 days.");
        Check(StaleSyncAge >= TimeSpan.FromMinutes(5), "staleSyncAge", "The stale-sync age must be at least 5 minutes.");
        Check(FailingSyncCount >= 1, "failingSyncCount", "Sync counts as failing after at least 1 failure.");
        Check(StatusGrace >= TimeSpan.Zero, "statusGrace", "The status grace cannot be negative.");
        Check(UsageMinClaims >= 1, "usageMinClaims", "Usage hints need at least 1 claim.");
        Check(UsageMinRunTime >= TimeSpan.Zero, "usageMinRunTime", "The usage run time cannot be negative.");
        foreach (var (field, value) in new[]
                 {
                     ("lowClaimSharePercent", LowClaimSharePercent), ("highRedemptionPercent", HighRedemptionPercent),
                     ("highClaimSharePercent", HighClaimSharePercent), ("lowRedemptionPercent", LowRedemptionPercent),
                 })
            Check(value is >= 0m and <= 100m, field, "Percentages must be 0–100.");
        Check(Slots.Count is >= 1 and <= 24, "slots", "Give 1–24 inspection slots.");
        Check(Slots.Distinct().Count() == Slots.Count, "slots", "Inspection slots must differ.");
        // Slot keys are "yyyy-MM-ddTHH:mm": seconds would make two slots share a key.
        Check(Slots.All(s => s.Ticks % TimeSpan.TicksPerMinute == 0), "slots", "Inspection slots are whole minutes (HH:mm).");
        return errors;
    }
}
