using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Attention;

/// <summary>
/// An operator's "seen it" on a finding: who, when, and until when (a snooze) or until the finding changes. The finding
/// changes when its severity changes or it goes away and comes back (a new first-seen run): <see cref="Fingerprint"/>
/// holds both, so the acknowledgement stops covering it. Numbers in the message (stock left, days to go) move every run
/// and do not count as a change.
/// </summary>
public sealed record FindingAcknowledgement(
    TenantId TenantId,
    StoreId StoreId,
    string FindingKey,
    string Fingerprint,
    string ByKeyId,
    string ByName,
    DateTimeOffset At,
    DateTimeOffset? SnoozedUntil)
{
    public static string FingerprintOf(TrackedFinding finding) =>
        $"{finding.Finding.Severity}|{finding.FirstSeenAt.UtcTicks}";

    /// <summary>Still hides <paramref name="finding"/> at <paramref name="now"/>: it is unchanged and any snooze has not ended.</summary>
    public bool Covers(TrackedFinding finding, DateTimeOffset now) =>
        finding.Key == FindingKey && Fingerprint == FingerprintOf(finding) && (SnoozedUntil is null || SnoozedUntil > now);
}

/// <summary>Acknowledgements of a tenant's findings, one per finding key (a new one replaces the old).</summary>
public interface IFindingAcknowledgements
{
    Task<IReadOnlyList<FindingAcknowledgement>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    /// <summary>Stores the acknowledgement, replacing the finding's earlier one (so a repeat is harmless).</summary>
    Task SaveAsync(FindingAcknowledgement acknowledgement, CancellationToken cancellationToken = default);

    /// <summary>Removes the finding's acknowledgement if there is one.</summary>
    Task DeleteAsync(TenantId tenantId, StoreId storeId, string findingKey, CancellationToken cancellationToken = default);
}
