namespace CouponFunctions.Core.Inspections;

/// <summary>The stable machine keys of <see cref="Finding.Code"/>; stored with every run and switched on by clients, so never rename one.</summary>
public static class FindingCodes
{
    /// <summary>Critical: ongoing, and nothing left to claim.</summary>
    public const string StockOut = "stock.out";

    /// <summary>Warning: ongoing, and at or under the low-stock threshold.</summary>
    public const string StockLow = "stock.low";

    /// <summary>Warning: ends before the store's local midnight.</summary>
    public const string ExpiryToday = "expiry.today";

    /// <summary>Info: ends within the expiry window (local calendar days after today).</summary>
    public const string ExpirySoon = "expiry.soon";

    /// <summary>Critical: still upcoming on the platform after its start time.</summary>
    public const string StartOverdue = "start.overdue";

    /// <summary>Warning: paused or suspended before its end.</summary>
    public const string StatusPaused = "status.paused";

    /// <summary>Warning: past its end but still listed as ongoing.</summary>
    public const string StatusEndedButActive = "status.ended_but_active";

    /// <summary>Warning: deeper than the platform or site allows (rule catalog).</summary>
    public const string DiscountOverCap = "discount.over_cap";

    /// <summary>Critical: the minimum spend is so low against the discount that orders come out (nearly) free.</summary>
    public const string ThresholdLossRisk = "threshold.loss_risk";

    /// <summary>Warning: the minimum spend is so high against the discount that nobody will use it.</summary>
    public const string ThresholdUnreachable = "threshold.unreachable";

    /// <summary>Info: few claims but most of them used (a good discount nobody sees).</summary>
    public const string UsageLowClaimsHighUsage = "usage.low_claims_high_usage";

    /// <summary>Info: many claims but few used (threshold too high or products unattractive).</summary>
    public const string UsageHighClaimsLowUsage = "usage.high_claims_low_usage";

    /// <summary>Warning (store-level): no successful sync for longer than the stale age.</summary>
    public const string SyncStale = "sync.stale";

    /// <summary>Critical (store-level): the last syncs failed one after another.</summary>
    public const string SyncFailing = "sync.failing";
}
