using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Segments;

/// <summary>How a segment's members are chosen.</summary>
public enum SegmentKind
{
    /// <summary>Members added and removed by id (or by CSV); stored as member rows.</summary>
    Static,

    /// <summary>Every customer the rule matches at the moment it is evaluated.</summary>
    Rule,
}

/// <summary>A rule-based segment's conditions; all given conditions must hold (an empty rule matches every customer).</summary>
/// <param name="TagsAny">The customer has at least one of these tags (lower case).</param>
/// <param name="TagsAll">The customer has every one of these tags.</param>
/// <param name="StoreId">The customer belongs to this store.</param>
/// <param name="EmailConsent">The customer has granted email consent.</param>
/// <param name="SmsConsent">The customer has granted SMS consent.</param>
/// <param name="CreatedWithinDays">The customer was created at most this many days (of 24 h) before evaluation.</param>
public sealed record SegmentRule(
    IReadOnlyList<string> TagsAny,
    IReadOnlyList<string> TagsAll,
    StoreId? StoreId,
    bool EmailConsent,
    bool SmsConsent,
    int? CreatedWithinDays)
{
    public static SegmentRule Everyone { get; } = new([], [], null, false, false, null);
}

/// <summary>A named group of a tenant's customers that coupons are sent to.</summary>
public sealed record Segment
{
    public required TenantId TenantId { get; init; }

    public required SegmentId Id { get; init; }

    public required string Name { get; init; }

    public required SegmentKind Kind { get; init; }

    /// <summary>The conditions of a rule-based segment; null for a static one.</summary>
    public SegmentRule? Rule { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag); null for a segment not yet stored.</summary>
    public string? Version { get; init; }
}
