using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.BulkActions;

/// <summary>A fix offered for a finding: the action preview, filled in for that one coupon; or, where no action can fix it,
/// only what to do by hand.</summary>
public sealed record FindingRemedy(BulkActionRequest? Request, CouponRef Coupon, string Explanation);

/// <summary>"Fix from a finding": stock out → replenish; expiring → renew; over the cap → modify down to the cap or end;
/// paused → re-activate where a platform's API can (Lazada), elsewhere it says where to do it by hand.
/// The remedy is a suggestion: the action preview still decides what the platform allows.</summary>
public sealed class FindingRemedies(PlatformRuleCatalog catalog)
{
    public static FindingRemedies Default { get; } = new(PlatformRuleCatalog.Default);

    /// <summary>Days a renew remedy adds.</summary>
    public int RenewDays { get; init; } = 7;

    /// <summary>The remedy for a finding on a coupon; null for a finding with no known remedy (or a store-level one).</summary>
    public FindingRemedy? For(string findingCode, Coupon coupon, Store store)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        ArgumentNullException.ThrowIfNull(store);
        var target = new CouponRef(store.Id, coupon.PlatformCouponId);
        switch (findingCode)
        {
            case FindingCodes.StockOut or FindingCodes.StockLow:
                if (coupon.TotalQuantity is not { } total) return null;
                var add = Math.Max(total, 1);
                return new FindingRemedy(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = add }, target,
                    $"Replenish: add {add:N0} (double the total of {total:N0}).");
            case FindingCodes.ExpiryToday or FindingCodes.ExpirySoon:
                return new FindingRemedy(new BulkActionRequest { Kind = BulkActionKind.Renew, ExtendDays = RenewDays }, target,
                    $"Renew: move the end {RenewDays} days later.");
            case FindingCodes.DiscountOverCap:
                return OverCap(coupon, store, target);
            case FindingCodes.StatusPaused:
                var rules = catalog.For(coupon.Platform, store.Site);
                if (rules.Capabilities.Check(CouponOperation.Reactivate, CouponStatus.Paused).Allowed)
                    return new FindingRemedy(new BulkActionRequest { Kind = BulkActionKind.Reactivate }, target,
                        $"Re-activate: resume the paused {rules.CouponNoun} on {rules.DisplayName}.");
                return new FindingRemedy(null, target,
                    $"{rules.DisplayName}'s API cannot resume a paused {rules.CouponNoun}; re-activate it in the seller center, or end it and clone it as new.");
            default:
                return null;
        }
    }

    private FindingRemedy? OverCap(Coupon coupon, Store store, CouponRef target)
    {
        var rules = catalog.For(coupon.Platform, store.Site);
        var limit = Math.Min(rules.SiteDiscountCapPercent ?? 100m, rules.MaxPercentage);
        var canEditDiscount = rules.Capabilities.EditableFields(coupon.Status).HasFlag(CouponField.Discount);
        if (canEditDiscount && coupon.Reward == RewardType.Percentage)
        {
            var percentage = rules.WholePercentagesOnly ? Math.Floor(limit) : limit;
            return new FindingRemedy(new BulkActionRequest { Kind = BulkActionKind.Modify, Percentage = percentage }, target,
                $"Modify: lower the discount to {percentage:0.##}%, the most {rules.DisplayName} allows on {rules.Site.Name}.");
        }

        if (canEditDiscount && coupon.Reward == RewardType.FixedAmount && (decimal?)coupon.MinSpend is > 0m and var minSpend)
        {
            // Round down: rounding to the nearest could land just over the cap again.
            var factor = (decimal)Math.Pow(10, rules.CurrencyDecimals);
            var amount = Math.Floor(limit * minSpend / 100m * factor) / factor;
            if (amount > 0m)
                return new FindingRemedy(new BulkActionRequest { Kind = BulkActionKind.Modify, DiscountAmount = amount }, target,
                    $"Modify: lower the discount to {rules.FormatMoney(amount)}, {limit:0.##}% of the {rules.FormatMoney(minSpend)} minimum spend.");
        }

        if (rules.Capabilities.Check(CouponOperation.End, coupon.Status).Allowed)
            return new FindingRemedy(new BulkActionRequest { Kind = BulkActionKind.EndNow }, target,
                $"End it: a {coupon.Status.ToString().ToLowerInvariant()} {rules.DisplayName} {rules.CouponNoun} cannot have its discount lowered.");
        return null;
    }
}
