using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.BulkActions;

public sealed partial class BulkActionPlanner
{
    private CouponActionVerdict Modify(CouponActionVerdict v, BulkActionRequest r, Coupon c, Store store, PlatformRules rules, DateTimeOffset now)
    {
        if (RewardMismatch(r, c) is { } mismatch) return Refuse(v, mismatch);

        // The coupon's minimum spend and cap may be unknown until read (null): any value asked for is then a change.
        decimal? minSpend = (decimal?)c.MinSpend, cap = (decimal?)c.MaxDiscount;
        var changes = new List<FieldChange>();
        var change = new CouponChange();
        if (r.Name is { } name && name != c.Name)
        {
            change = change with { Name = name };
            changes.Add(new FieldChange(RuleFields.Name, c.Name, name));
        }

        if (r.MinSpend is { } spend && spend != minSpend)
        {
            change = change with { MinSpend = spend };
            changes.Add(new FieldChange(RuleFields.MinSpend, Money(minSpend, rules), rules.FormatMoney(spend)));
        }

        if (r.Percentage is { } p && p != c.Percentage)
        {
            change = change with { Percentage = p };
            changes.Add(new FieldChange(RuleFields.Percentage, c.Percentage is { } before ? Percent(before) : "unknown", Percent(p)));
        }

        if (r.DiscountAmount is { } amount && amount != c.DiscountAmount)
        {
            change = change with { DiscountAmount = amount };
            changes.Add(new FieldChange(RuleFields.DiscountAmount, Money(c.DiscountAmount, rules), rules.FormatMoney(amount)));
        }

        if (r.MaxDiscount is { } newCap && newCap != cap)
        {
            change = change with { MaxDiscount = newCap };
            changes.Add(new FieldChange(RuleFields.MaxDiscount, Money(cap, rules), newCap > 0m ? rules.FormatMoney(newCap) : "no cap"));
        }

        if (changes.Count == 0) return Nothing(v, "It already has every value asked for.");
        return Update(v, c, store, change, changes, now, null);
    }

    private static RuleViolation? RewardMismatch(BulkActionRequest r, Coupon c)
    {
        if (c.Reward == RewardType.FixedAmount && (r.Percentage is not null || r.MaxDiscount is not null))
            return new RuleViolation(RuleFields.Percentage, ActionCodes.RewardMismatch,
                "This is a fixed-amount coupon; a percentage or cap cannot be set on it. Clone it as a new percentage coupon instead.");
        if (c.Reward != RewardType.FixedAmount && r.DiscountAmount is not null)
            return new RuleViolation(RuleFields.DiscountAmount, ActionCodes.RewardMismatch,
                $"This is a {c.Reward.ToString().ToLowerInvariant()} coupon; a fixed amount cannot be set on it.");
        return null;
    }

    private static string Money(decimal? amount, PlatformRules rules) => amount is { } value ? rules.FormatMoney(value) : "unknown";

    private static string Percent(decimal value) => TemplateDraftBuilder.Percent(value);
}
