namespace CouponFunctions.Core.Segments;

/// <summary>A segment as submitted: kind "static" (with optional member ids) or "rule" (with a rule).</summary>
public sealed record SegmentInput(string? Name, string? Kind, SegmentRuleInput? Rule, IReadOnlyList<string>? MemberIds);

/// <summary>A rule as submitted.</summary>
public sealed record SegmentRuleInput(
    IReadOnlyList<string>? TagsAny,
    IReadOnlyList<string>? TagsAll,
    string? StoreId,
    bool? EmailConsent,
    bool? SmsConsent,
    int? CreatedWithinDays);

/// <summary>A validated segment definition: name, kind, rule (rule segments) and initial members (static segments).</summary>
public sealed record SegmentDefinition(string Name, SegmentKind Kind, SegmentRule? Rule, IReadOnlyList<Customers.CustomerId> MemberIds);
