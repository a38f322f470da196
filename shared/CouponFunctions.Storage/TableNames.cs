namespace CouponFunctions.Storage;

/// <summary>Every table of the app. Tenant data is keyed by tenant id first (PartitionKey starts with it).</summary>
public static class TableNames
{
    public const string Tenants = "Tenants";
    public const string ApiKeys = "ApiKeys";
    public const string Stores = "Stores";
    public const string PlatformFailures = "PlatformFailures";

    /// <summary>Per store partition "{tenant}_{store}": "c_" coupon rows, "h_" history rows, "a_" pending alerts.</summary>
    public const string Coupons = "Coupons";

    /// <summary>One row per store under its tenant: the sync lease and the last outcome.</summary>
    public const string SyncState = "SyncState";

    /// <summary>Per store partition, newest first: every sync run with its counts and failure.</summary>
    public const string SyncRuns = "SyncRuns";

    /// <summary>Per store partition: "r_{slot}" run rows and "f_{slot}_{finding}" finding rows.</summary>
    public const string Inspections = "Inspections";

    /// <summary>One row per store under its tenant: last inspected and planned slot.</summary>
    public const string InspectionState = "InspectionState";

    /// <summary>Per tenant: alert settings ("alerts").</summary>
    public const string TenantSettings = "TenantSettings";

    /// <summary>Per tenant, one row per coupon template (ETag-versioned).</summary>
    public const string Templates = "Templates";

    /// <summary>Per tenant: "j_{job}" job rows and their "n_{newest first}_{job}" listing copies.</summary>
    public const string Jobs = "Jobs";

    /// <summary>Per job partition "{tenant}_{job}": one row per item, the truth about the job.</summary>
    public const string JobItems = "JobItems";

    /// <summary>Per job partition "{tenant}_{job}": one row per store, written before a deploy's platform create call.</summary>
    public const string CreateAttempts = "CreateAttempts";

    /// <summary>Per tenant, 16 partitions "{tenant}_{0-f}" by a hash of the customer id; RowKey = customer (external) id.</summary>
    public const string Customers = "Customers";

    /// <summary>Per tenant: one row per segment (RowKey = segment id).</summary>
    public const string Segments = "Segments";

    /// <summary>Static segments' members: partition "{tenant}_{segment}", RowKey = customer id.</summary>
    public const string SegmentMembers = "SegmentMembers";

    /// <summary>Per tenant: "s_{send}" send rows, "m_{segment}" one-unfinished-send markers, "q_{send}" coupon allocations.</summary>
    public const string Sends = "Sends";

    /// <summary>The due index of scheduled sends, across tenants (the one table whose key does not start with the tenant: the
    /// StartDueSends timer serves every tenant): partition "due", RowKey "{yyyyMMddHHmmss}_{tenant}_{send}" of the send's time.</summary>
    public const string SendsDue = "SendsDue";

    /// <summary>Per send partition "{tenant}_{send}": the recipient snapshot, rows numbered 0..N-1.</summary>
    public const string SendRecipients = "SendRecipients";

    /// <summary>Per send partition "{tenant}_{send}": one outcome row per (customer, channel), "{channel}_{customer}".</summary>
    public const string SendOutcomes = "SendOutcomes";

    /// <summary>Per tenant: one row per acknowledged finding, RowKey = the escaped finding key.</summary>
    public const string FindingAcknowledgements = "FindingAcknowledgements";

    public static IReadOnlyList<string> All { get; } =
    [
        Tenants, ApiKeys, Stores, PlatformFailures, Coupons, SyncState, SyncRuns, Inspections, InspectionState, TenantSettings,
        Templates, Jobs, JobItems, CreateAttempts,
        Customers, Segments, SegmentMembers, Sends, SendsDue, SendRecipients, SendOutcomes, FindingAcknowledgements,
    ];
}
