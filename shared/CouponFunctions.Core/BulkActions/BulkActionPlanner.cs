using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.BulkActions;

/// <summary>Decides, per coupon and before any call, what a bulk action will do: the platform capability table and the
/// edit rules of <see cref="CouponRuleValidator"/> say what may change; the verdict says what will, what cannot and why.
/// The coupon's minimum spend and cap may be unknown (not yet read): an action that needs them is refused, not guessed.</summary>
public sealed partial class BulkActionPlanner(CouponRuleValidator validator)
{
    public static BulkActionPlanner Default { get; } = new(CouponRuleValidator.Default);

    /// <param name="now">When the action runs: "end now", renew checks and clone start times are read from it.</param>
    public CouponActionVerdict Plan(BulkActionRequest request, Coupon coupon, Store store, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(coupon);
        ArgumentNullException.ThrowIfNull(store);
        if (coupon.Platform != store.Platform) throw new ArgumentException($"The coupon is on {coupon.Platform}, the store on {store.Platform}.", nameof(coupon));

        var v = new CouponActionVerdict
        {
            StoreId = store.Id, PlatformCouponId = coupon.PlatformCouponId, CouponName = coupon.Name, Platform = coupon.Platform,
            Action = request.Action, Decision = ActionDecision.Refused,
        };
        if (store.Status == StoreStatus.NeedsReauthorization)
            return Refuse(v, new RuleViolation(RuleFields.Coupon, ActionCodes.StoreNeedsReauthorization,
                $"{store.DisplayName} must be authorized again before its coupons can be changed."));

        var rules = validator.Catalog.For(coupon.Platform, store.Site);
        var zone = StoreZones.Find(store.TimeZoneId);
        return request.Kind switch
        {
            BulkActionKind.Renew => Renew(v, request, coupon, store, rules, zone, now),
            BulkActionKind.Replenish => Replenish(v, request, coupon, store, now),
            BulkActionKind.EndNow => End(v, coupon, rules, deactivate: false),
            BulkActionKind.Deactivate => End(v, coupon, rules, deactivate: true),
            BulkActionKind.Delete => Operation(v, coupon, CouponOperation.Delete, []),
            BulkActionKind.Modify => Modify(v, request, coupon, store, rules, now),
            BulkActionKind.CloneAsNew => Clone(v, request, coupon, store, rules, zone, now),
            BulkActionKind.Reactivate => Reactivate(v, coupon, now),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, null),
        };
    }

    private CouponActionVerdict Renew(CouponActionVerdict v, BulkActionRequest r, Coupon c, Store store, PlatformRules rules, TimeZoneInfo zone, DateTimeOffset now)
    {
        var end = r.ExtendDays is { } days
            ? c.ValidTo.AddDays(days)
            : StoreZones.StartOfLocalDay(zone, r.EndDate!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddSeconds(-1);
        var change = new FieldChange(RuleFields.ValidTo, Time(c.ValidTo, zone, store), Time(end, zone, store));
        if (end == c.ValidTo) return Nothing(v, $"It already ends {change.After}.");
        if (end < c.ValidTo)
            return Refuse(v, new RuleViolation(RuleFields.ValidTo, ActionCodes.RenewEarlier,
                $"Renew moves the end later; it ends {change.Before} and the new end {change.After} is earlier. Use end now or modify instead."));
        return Update(v, c, store, new CouponChange { ValidTo = end }, [change], now, CloneHint(c, rules));
    }

    private CouponActionVerdict Replenish(CouponActionVerdict v, BulkActionRequest r, Coupon c, Store store, DateTimeOffset now)
    {
        if (c.TotalQuantity is not { } total)
            return Refuse(v, new RuleViolation(RuleFields.TotalQuantity, ActionCodes.QuantityUnlimited,
                "This coupon has no quantity limit (or its quantity is not known yet); there is nothing to replenish."));
        var quantity = r.AddQuantity is { } add ? total + add : r.SetQuantity!.Value;
        if (quantity == total) return Nothing(v, $"Its total quantity is already {total:N0}.");
        return Update(v, c, store, new CouponChange { TotalQuantity = quantity }, [new FieldChange(RuleFields.TotalQuantity, $"{total:N0}", $"{quantity:N0}")], now, null);
    }

    private CouponActionVerdict End(CouponActionVerdict v, Coupon c, PlatformRules rules, bool deactivate)
    {
        if (c.Status is CouponStatus.Ended or CouponStatus.Deactivated)
            return Nothing(v, $"It is already {c.Status.ToString().ToLowerInvariant()}.");
        var change = new FieldChange("status", c.Status.ToString().ToLowerInvariant(), rules.Capabilities.EndVerb == "deactivate" ? "deactivated" : "ended");
        var end = validator.ValidateOperation(c.Platform, c, CouponOperation.End);
        if (end.Count == 0 || !deactivate) return Operation(v, c, CouponOperation.End, [change]);

        // One click against misuse: where the platform cannot end a coupon in this status (Shopee ends only running
        // vouchers) but can delete it, deleting is what stops it.
        if (validator.ValidateOperation(c.Platform, c, CouponOperation.Delete).Count == 0)
            return Operation(v, c, CouponOperation.Delete, [new FieldChange("status", change.Before, "deleted")]) with
            {
                Note = $"{rules.DisplayName} cannot end a {change.Before} {rules.CouponNoun}; it will be deleted instead.",
            };
        return Refuse(v, [.. end]);
    }

    /// <summary>A paused coupon resumes: upcoming again before its start, ongoing after. A platform that cannot resume coupons
    /// refuses every one (before any call); a coupon that is not paused has nothing to resume, or cannot be (ended, deactivated).</summary>
    private CouponActionVerdict Reactivate(CouponActionVerdict v, Coupon c, DateTimeOffset now)
    {
        var caps = PlatformCapabilities.For(c.Platform);
        if (caps.ReadOnlyReason is null && caps.ReactivateRefusal is null && c.Status is CouponStatus.Upcoming or CouponStatus.Ongoing)
            return Nothing(v, $"It is not paused: it is {c.Status.ToString().ToLowerInvariant()}.");
        var after = now < c.ValidFrom ? "upcoming" : "ongoing";
        return Operation(v, c, CouponOperation.Reactivate, [new FieldChange("status", c.Status.ToString().ToLowerInvariant(), after)]);
    }

    private CouponActionVerdict Operation(CouponActionVerdict v, Coupon c, CouponOperation operation, IReadOnlyList<FieldChange> changes)
    {
        var refusals = validator.ValidateOperation(c.Platform, c, operation);
        if (refusals.Count > 0) return Refuse(v, [.. refusals]);
        var shown = changes.Count > 0 ? changes : [new FieldChange("status", c.Status.ToString().ToLowerInvariant(), "deleted")];
        return v with { Decision = ActionDecision.WillChange, Operation = operation, Changes = shown };
    }

    private CouponActionVerdict Update(
        CouponActionVerdict v, Coupon c, Store store, CouponChange change, IReadOnlyList<FieldChange> changes, DateTimeOffset now, string? hintWhenRefused)
    {
        var refusals = validator.ValidateChange(c.Platform, store.Site, c, change, now);
        if (refusals.Count > 0) return Refuse(v, [.. refusals]) with { Note = hintWhenRefused, Changes = changes };
        return v with { Decision = ActionDecision.WillChange, Operation = CouponOperation.Update, Change = change, Changes = changes };
    }

    private static string? CloneHint(Coupon c, PlatformRules rules) =>
        c.Status is CouponStatus.Ended or CouponStatus.Deactivated && rules.Capabilities.CreateRefusal is null
            ? $"An {c.Status.ToString().ToLowerInvariant()} {rules.DisplayName} {rules.CouponNoun} cannot be extended; clone it as new instead."
            : null;

    private static CouponActionVerdict Refuse(CouponActionVerdict v, params RuleViolation[] refusals) =>
        v with { Decision = ActionDecision.Refused, Refusals = refusals, Operation = null, Change = null, CloneDraft = null };

    private static CouponActionVerdict Nothing(CouponActionVerdict v, string note) => v with { Decision = ActionDecision.NothingToDo, Note = note };

    private static string Time(DateTimeOffset instant, TimeZoneInfo zone, Store store) => TemplateDraftBuilder.LocalText(instant, zone, store.TimeZoneId);
}
