using System.Globalization;
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

    private CouponActionVerdict Clone(
        CouponActionVerdict v, BulkActionRequest r, Coupon c, Store store, PlatformRules rules, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (RewardMismatch(r, c) is { } mismatch) return Refuse(v, mismatch);
        var minSpend = r.MinSpend ?? (decimal?)c.MinSpend;
        if (minSpend is null)
            return Refuse(v, new RuleViolation(RuleFields.MinSpend, ActionCodes.ValueUnknown,
                "The original's minimum spend is not known yet (not read from the platform); give minSpend for the clone."));
        if ((r.TotalQuantity ?? c.TotalQuantity) is not { } quantity)
            return Refuse(v, new RuleViolation(RuleFields.TotalQuantity, ActionCodes.ValueUnknown,
                "The original has no total quantity we know; give totalQuantity for the clone."));

        var start = now.ToUniversalTime().AddHours(r.StartAfterHours ?? 0);
        var length = r.DurationDays is { } days ? TimeSpan.FromDays(days) : c.ValidTo - c.ValidFrom;
        if (length <= TimeSpan.Zero) length = TimeSpan.FromDays(1);
        var draft = new CouponDraft
        {
            Name = r.Name ?? c.Name,
            Code = rules.Code.Requirement == CodeRequirement.NotSupported ? null : r.Code ?? c.Code,
            Scope = c.Scope,
            Reward = c.Reward,
            DiscountAmount = r.DiscountAmount ?? c.DiscountAmount,
            Percentage = r.Percentage ?? c.Percentage,
            MaxDiscount = r.MaxDiscount ?? (decimal?)c.MaxDiscount,
            MinSpend = minSpend.Value,
            TotalQuantity = quantity,
            PerBuyerLimit = c.PerBuyerLimit,
            ValidFrom = start,
            ValidTo = start + length,
            ProductIds = c.ProductIds,
        };

        var changes = new List<FieldChange>
        {
            new(RuleFields.Name, null, draft.Name),
            new(RuleFields.Code, null, draft.Code ?? "(the platform assigns none)"),
            new(RuleFields.MinSpend, null, Money(draft.MinSpend, rules)),
            new(RuleFields.TotalQuantity, null, quantity.ToString("N0", CultureInfo.InvariantCulture)),
            new(RuleFields.ValidFrom, null, TemplateDraftBuilder.LocalText(draft.ValidFrom, zone, store.TimeZoneId)),
            new(RuleFields.ValidTo, null, TemplateDraftBuilder.LocalText(draft.ValidTo, zone, store.TimeZoneId)),
        };
        var refusals = validator.ValidateDraft(c.Platform, store.Site, draft, now);
        if (refusals.Count > 0) return Refuse(v, [.. refusals]) with { Changes = changes };

        var note = c.Status is CouponStatus.Upcoming or CouponStatus.Ongoing or CouponStatus.Paused && draft.Code is not null
            && string.Equals(draft.Code, c.Code, StringComparison.OrdinalIgnoreCase)
            ? $"The original is still {c.Status.ToString().ToLowerInvariant()} with the code {c.Code}; the store will have two {rules.CouponNoun}s with that code unless you end it or give a new code."
            : null;
        return v with { Decision = ActionDecision.WillChange, Operation = CouponOperation.Create, CloneDraft = draft, Changes = changes, Note = note };
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
