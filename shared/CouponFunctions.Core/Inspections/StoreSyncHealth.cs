namespace CouponFunctions.Core.Inspections;

/// <summary>How a store's coupon sync has been going, as the sync records it; tells whether its coupon list can be trusted.</summary>
/// <param name="LastSuccessAt">The end of the last sync that completed; null if none ever did.</param>
/// <param name="LastAttemptAt">The start of the last sync, successful or not.</param>
/// <param name="LastError">The last failure in plain words (platform text: untrusted, encode it when rendering).</param>
/// <param name="ConsecutiveFailures">Failures since the last success; 0 after a success.</param>
public sealed record StoreSyncHealth(
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    int ConsecutiveFailures)
{
    /// <summary>A store that has never been synced.</summary>
    public static StoreSyncHealth Never { get; } = new(null, null, null, 0);
}
