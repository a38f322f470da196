using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.BulkActions;

public sealed partial class BulkActionPlanner
{
    /// <summary>"Clone as new": the draft the platform's create will receive, with every time absolute (fixed when the job is
    /// planned, so retries build nothing different) and checked against the rule catalog as a new coupon.</summary>
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
        if (Window(r, c, zone, now) is not { } window)
            return Refuse(v, new RuleViolation(RuleFields.ValidFrom, RuleCodes.StartInPast,
                $"The first day {r.StartDate:yyyy-MM-dd} has already passed in {store.DisplayName} ({store.TimeZoneId})."));

        var draft = new CouponDraft
        {
            Name = r.Name ?? c.Name,
            Code = rules.Code.Requirement == CodeRequirement.NotSupported ? null : r.Code ?? (c.Code is { } original ? original + r.CodeSuffix : null),
            Scope = c.Scope,
            Reward = c.Reward,
            DiscountAmount = r.DiscountAmount ?? c.DiscountAmount,
            Percentage = r.Percentage ?? c.Percentage,
            MaxDiscount = r.MaxDiscount ?? (decimal?)c.MaxDiscount,
            MinSpend = minSpend.Value,
            TotalQuantity = quantity,
            PerBuyerLimit = c.PerBuyerLimit,
            ValidFrom = window.From,
            ValidTo = window.To,
            ProductIds = c.ProductIds,
        };

        var changes = new List<FieldChange>
        {
            new(RuleFields.Name, null, draft.Name),
            new(RuleFields.Code, null, draft.Code ?? "(the platform assigns none)"),
            new(RuleFields.Reward, null, Discount(draft, rules)),
            new(RuleFields.MinSpend, null, Money(draft.MinSpend, rules)),
            new(RuleFields.TotalQuantity, null, quantity.ToString("N0", CultureInfo.InvariantCulture)),
            new(RuleFields.PerBuyerLimit, null, draft.PerBuyerLimit is { } limit ? limit.ToString(CultureInfo.InvariantCulture) : "no limit"),
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

    /// <summary>Start: at once, N hours after the action, or the given day's local midnight (at once when that is today; null when
    /// it has passed). End: the given day's last local second, N days after the start, or as long after it as the original ran.</summary>
    private static (DateTimeOffset From, DateTimeOffset To)? Window(BulkActionRequest r, Coupon c, TimeZoneInfo zone, DateTimeOffset now)
    {
        var start = now.ToUniversalTime().AddHours(r.StartAfterHours ?? 0);
        if (r.StartDate is { } first)
        {
            var midnight = StoreZones.StartOfLocalDay(zone, first.ToDateTime(TimeOnly.MinValue));
            if (StoreZones.StartOfLocalDay(zone, first.AddDays(1).ToDateTime(TimeOnly.MinValue)) <= now) return null;
            start = midnight > now ? midnight.ToUniversalTime() : now.ToUniversalTime();
        }

        if (r.EndDate is { } last)
            return (start, StoreZones.StartOfLocalDay(zone, last.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddSeconds(-1).ToUniversalTime());
        var length = r.DurationDays is { } days ? TimeSpan.FromDays(days) : c.ValidTo - c.ValidFrom;
        return (start, start + (length > TimeSpan.Zero ? length : TimeSpan.FromDays(1)));
    }

    private static string Discount(CouponDraft d, PlatformRules rules) => d.Reward switch
    {
        RewardType.FixedAmount when d.DiscountAmount is { } amount => $"{rules.FormatMoney(amount)} off",
        RewardType.Percentage when d.Percentage is { } p => $"{Percent(p)} off" + (d.MaxDiscount is > 0m and var cap ? $", up to {rules.FormatMoney(cap)}" : ", no cap"),
        _ => d.Reward.ToString(),
    };
}
