namespace CouponFunctions.Storage;

/// <summary>Every table of the app. Tenant data is keyed by tenant id first (PartitionKey starts with it).</summary>
public static class TableNames
{
    public const string Tenants = "Tenants";
    public const string ApiKeys = "ApiKeys";
    public const string Stores = "Stores";
    public const string PlatformFailures = "PlatformFailures";

    /// <summary>Standalone runner state (timer schedule status); not tenant data.</summary>
    public const string RunnerSchedules = "RunnerSchedules";

    public static IReadOnlyList<string> All { get; } = [Tenants, ApiKeys, Stores, PlatformFailures, RunnerSchedules];
}
