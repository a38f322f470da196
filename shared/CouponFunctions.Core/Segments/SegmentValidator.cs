using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Segments;

/// <summary>Checks segment input field by field (name, kind, rule.tagsAny, rule.storeId, memberIds, ...).</summary>
public static class SegmentValidator
{
    public const int MaxNameLength = 100;

    /// <summary>Member ids one request may carry; more go through the CSV upload.</summary>
    public const int MaxMemberIdsPerRequest = 10_000;

    public const int MaxCreatedWithinDays = 3650;

    public static ValidationErrors Validate(SegmentInput input, IReadOnlySet<StoreId> stores, out SegmentDefinition? definition)
    {
        var errors = new ValidationErrors();
        definition = null;
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !SafeText.IsSafe(name))
            errors.Add("name", $"Name is required: 1–{MaxNameLength} characters without control characters.");

        SegmentKind? kind = input.Kind?.Trim().ToLowerInvariant() switch
        {
            "static" => SegmentKind.Static,
            "rule" => SegmentKind.Rule,
            _ => null,
        };
        if (kind is null) errors.Add("kind", "Kind must be static or rule.");

        SegmentRule? rule = null;
        if (kind == SegmentKind.Rule)
        {
            if (input.Rule is null) errors.Add("rule", "A rule segment needs a rule (tagsAny, tagsAll, storeId, emailConsent, smsConsent, createdWithinDays).");
            else rule = Rule(input.Rule, stores, errors);
            if (input.MemberIds is { Count: > 0 }) errors.Add("memberIds", "A rule segment has no hand-picked members.");
        }
        else if (kind == SegmentKind.Static && input.Rule is not null)
        {
            errors.Add("rule", "A static segment has no rule.");
        }

        var members = MemberIds(input.MemberIds, errors);
        if (errors.IsEmpty) definition = new SegmentDefinition(name!, kind!.Value, rule, members);
        return errors;
    }

    /// <summary>Member ids parsed and de-duplicated, in the order given.</summary>
    public static IReadOnlyList<CustomerId> MemberIds(IReadOnlyList<string>? input, ValidationErrors errors, string field = "memberIds")
    {
        if (input is null || input.Count == 0) return [];
        if (input.Count > MaxMemberIdsPerRequest)
        {
            errors.Add(field, $"At most {MaxMemberIdsPerRequest:N0} member ids per request; upload a CSV for more.");
            return [];
        }

        var ids = new List<CustomerId>(input.Count);
        var seen = new HashSet<CustomerId>();
        for (var i = 0; i < input.Count; i++)
        {
            if (!CustomerId.TryParse(input[i], out var id))
            {
                errors.Add($"{field}[{i}]", CustomerId.Rule);
                continue;
            }

            if (seen.Add(id)) ids.Add(id);
        }

        return ids;
    }

    private static SegmentRule Rule(SegmentRuleInput input, IReadOnlySet<StoreId> stores, ValidationErrors errors)
    {
        var any = CustomerValidator.Tags(input.TagsAny, errors, "rule.tagsAny");
        var all = CustomerValidator.Tags(input.TagsAll, errors, "rule.tagsAll");
        StoreId? storeId = null;
        if (input.StoreId is not null)
        {
            if (StoreId.TryParse(input.StoreId.Trim(), out var parsed) && stores.Contains(parsed)) storeId = parsed;
            else errors.Add("rule.storeId", "Store id must be one of the workspace's stores.");
        }

        if (input.CreatedWithinDays is < 1 or > MaxCreatedWithinDays)
            errors.Add("rule.createdWithinDays", $"Created within is 1–{MaxCreatedWithinDays} days.");
        return new SegmentRule(any, all, storeId, input.EmailConsent ?? false, input.SmsConsent ?? false, input.CreatedWithinDays);
    }
}
