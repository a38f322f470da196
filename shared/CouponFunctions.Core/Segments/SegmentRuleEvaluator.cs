using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Segments;

/// <summary>Whether a customer belongs to a rule-based segment at a given moment.</summary>
public static class SegmentRuleEvaluator
{
    public static bool Matches(SegmentRule rule, Customer customer, DateTimeOffset now)
    {
        if (rule.StoreId is { } store && customer.StoreId != store) return false;
        if (rule.EmailConsent && !customer.EmailConsent.AllowsSending) return false;
        if (rule.SmsConsent && !customer.SmsConsent.AllowsSending) return false;
        if (rule.CreatedWithinDays is { } days && customer.CreatedAt < now - TimeSpan.FromDays(days)) return false;
        if (rule.TagsAll.Count > 0 && !rule.TagsAll.All(tag => customer.Tags.Contains(tag, StringComparer.Ordinal))) return false;
        if (rule.TagsAny.Count > 0 && !rule.TagsAny.Any(tag => customer.Tags.Contains(tag, StringComparer.Ordinal))) return false;
        return true;
    }
}
