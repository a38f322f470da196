using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Inspections;

/// <summary>One part of a digest: the new, the still open or the resolved findings, grouped by store.</summary>
/// <param name="Hidden">How many findings of this state are left out to keep the email short (the admin page has them all).</param>
internal sealed record DigestSection(FindingState State, string Title, IReadOnlyList<DigestGroup> Groups, int Total, int Hidden);

/// <summary>The findings of one store within a section, most severe first.</summary>
internal sealed record DigestGroup(Store Store, DateTimeOffset InspectedAt, IReadOnlyList<TrackedFinding> Items)
{
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(Store.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"Shopee TH, inspected Sat 21 Nov 09:00 (Asia/Bangkok)".</summary>
    public string Details => $"{Store.Platform} {Store.Site}, inspected {LocalTime(InspectedAt)}";

    public string LocalTime(DateTimeOffset instant) =>
        InspectionText.LocalTime(instant, Zone, TimeZoneInfo.ConvertTime(InspectedAt, Zone).Year);
}
