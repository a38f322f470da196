using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Rules;

/// <summary>What may change on an existing coupon: the capability table per status, then the direction rules.</summary>
internal static class ChangeChecks
{
    private static readonly (CouponField Flag, string Field)[] FieldMap =
    [
        (CouponField.Name, RuleFields.Name), (CouponField.TotalQuantity, RuleFields.TotalQuantity),
        (CouponField.ValidFrom, RuleFields.ValidFrom), (CouponField.ValidTo, RuleFields.ValidTo),
        (CouponField.Discount, RuleFields.DiscountAmount), (CouponField.Discount, RuleFields.Percentage),
        (CouponField.Discount, RuleFields.MaxDiscount), (CouponField.MinSpend, RuleFields.MinSpend),
        (CouponField.PerBuyerLimit, RuleFields.PerBuyerLimit), (CouponField.Products, RuleFields.ProductIds),
    ];

    public static HashSet<string> Touched(CouponChange change)
    {
        var set = new HashSet<string>();
        if (change.Name is not null) set.Add(RuleFields.Name);
        if (change.TotalQuantity is not null) set.Add(RuleFields.TotalQuantity);
        if (change.ValidFrom is not null) set.Add(RuleFields.ValidFrom);
        if (change.ValidTo is not null) set.Add(RuleFields.ValidTo);
        if (change.DiscountAmount is not null) set.Add(RuleFields.DiscountAmount);
        if (change.Percentage is not null) set.Add(RuleFields.Percentage);
        if (change.MaxDiscount is not null) set.Add(RuleFields.MaxDiscount);
        if (change.MinSpend is not null) set.Add(RuleFields.MinSpend);
        if (change.PerBuyerLimit is not null) set.Add(RuleFields.PerBuyerLimit);
        if (change.ProductIds is not null) set.Add(RuleFields.ProductIds);
        return set;
    }

    /// <summary>Adds a violation per field the platform does not let change in this status, and removes it from <paramref name="touched"/>.</summary>
    public static void Capability(PlatformRules r, Coupon current, CouponChange change, HashSet<string> touched, List<RuleViolation> into)
    {
        var caps = r.Capabilities;
        var check = caps.Check(CouponOperation.Update, current.Status, change.Fields);
        if (check.Allowed) return;
        var allowed = caps.EditableFields(current.Status);
        var state = StatusWords(current.Status);
        var article = "aeiou".Contains(state[0]) ? "An" : "A";
        foreach (var (flag, field) in FieldMap)
        {
            if (!touched.Contains(field) || allowed.HasFlag(flag)) continue;
            touched.Remove(field);
            var message = caps.ReadOnlyReason
                ?? (allowed == CouponField.None
                    ? $"{article} {state} {r.DisplayName} {r.CouponNoun} cannot be changed."
                    : $"{article} {state} {r.DisplayName} {r.CouponNoun} cannot change its {RuleText.FieldWords(field)}; it accepts only changes to {AllowedWords(allowed)}.");
            into.Add(new RuleViolation(field, RuleCodes.ChangeNotEditable, message));
        }
    }

    public static void Direction(PlatformRules r, Coupon current, CouponChange change, IReadOnlySet<string> touched, List<RuleViolation> into)
    {
        var what = $"{r.DisplayName} {r.CouponNoun}";
        if (touched.Contains(RuleFields.TotalQuantity) && change.TotalQuantity is { } quantity && current.TotalQuantity is { } before)
        {
            var claimed = current.ClaimedCount ?? current.UsedCount ?? 0;
            if (r.QuantityOnlyUp && quantity < before)
                into.Add(new(RuleFields.TotalQuantity, RuleCodes.QuantityDecrease,
                    $"{what} quantities can only go up; it is {RuleText.Count(before)} and the change asks for {RuleText.Count(quantity)}."));
            else if (quantity < claimed)
                into.Add(new(RuleFields.TotalQuantity, RuleCodes.QuantityBelowClaimed,
                    $"The total quantity cannot drop below the {RuleText.Count(claimed)} already claimed; the change asks for {RuleText.Count(quantity)}."));
        }

        if (touched.Contains(RuleFields.ValidTo) && change.ValidTo is { } end && current.Status is CouponStatus.Ongoing or CouponStatus.Paused)
        {
            if (r.RunningEndDirection == EndTimeDirection.LaterOnly && end < current.ValidTo)
                into.Add(new(RuleFields.ValidTo, RuleCodes.EndEarlier,
                    $"A running {what} can only end later; it ends {RuleText.Time(current.ValidTo, r.Site)} and the change asks for {RuleText.Time(end, r.Site)}. End it instead to stop it now."));
            else if (r.RunningEndDirection == EndTimeDirection.EarlierOnly && end > current.ValidTo)
                into.Add(new(RuleFields.ValidTo, RuleCodes.EndLater,
                    $"A running {what} can only end earlier; it ends {RuleText.Time(current.ValidTo, r.Site)} and the change asks for {RuleText.Time(end, r.Site)}."));
        }

        if (touched.Contains(RuleFields.MinSpend) && change.MinSpend is { } minSpend && r.MinSpendFixedOnceSet
            && current.MinSpend is { } currentMinSpend && minSpend != currentMinSpend)
            into.Add(new(RuleFields.MinSpend, RuleCodes.MinSpendFixed,
                $"{r.DisplayName} fixes the minimum spend once it is set; it stays {r.FormatMoney(currentMinSpend)}."));
    }

    private static string AllowedWords(CouponField allowed) => string.Join(", ", FieldMap
        .Where(m => allowed.HasFlag(m.Flag) && m.Field is not (RuleFields.Percentage or RuleFields.MaxDiscount))
        .Select(m => m.Flag == CouponField.Discount ? "discount" : RuleText.FieldWords(m.Field)));

    internal static string StatusWords(CouponStatus status) => status switch
    {
        CouponStatus.Ongoing => "running",
        _ => status.ToString().ToLowerInvariant(),
    };
}
