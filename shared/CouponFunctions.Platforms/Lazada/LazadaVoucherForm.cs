using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using static CouponFunctions.Platforms.Lazada.LazadaJson;

namespace CouponFunctions.Platforms.Lazada;

/// <summary>The form fields of /promotion/voucher/create and /promotion/voucher/update.</summary>
internal static class LazadaVoucherForm
{
    public static List<KeyValuePair<string, string>> ForCreate(CouponDraft draft, string displayArea)
    {
        var percentage = draft.Reward == RewardType.Percentage;
        var form = new List<KeyValuePair<string, string>>
        {
            new("voucher_type", LazadaVoucher.Collectible),
            new("voucher_name", draft.Name),
            new("apply", draft.Scope == CouponScope.Product ? LazadaVoucher.SpecificProducts : LazadaVoucher.EntireShop),
            new("display_area", displayArea),
            new("voucher_discount_type", percentage ? LazadaVoucher.PercentageOff : LazadaVoucher.MoneyOff),
            new("criteria_over_money", Money(draft.MinSpend)),
            new("period_start_time", Number(draft.ValidFrom.ToUnixTimeMilliseconds())),
            new("period_end_time", Number(draft.ValidTo.ToUnixTimeMilliseconds())),
            new("collect_start", Number((draft.ClaimStart ?? draft.ValidFrom).ToUnixTimeMilliseconds())),
            // limit (per customer) is required by Lazada; a draft without one gets the usual "one per buyer".
            new("limit", Number(draft.PerBuyerLimit ?? 1)),
            new("issued", Number(draft.TotalQuantity)),
        };
        AddDiscount(form, percentage, draft.DiscountAmount, draft.Percentage, draft.MaxDiscount);
        return form;
    }

    /// <summary>The whole voucher with the change applied: the update API takes the full field set (UNCERTAIN whether it
    /// accepts a partial one), so unchanged fields are sent back exactly as read.</summary>
    public static List<KeyValuePair<string, string>> ForUpdate(LazadaVoucher current, CouponChange change)
    {
        var percentage = current.DiscountType == LazadaVoucher.PercentageOff;
        var start = change.ValidFrom?.ToUnixTimeMilliseconds() ?? current.PeriodStartTime;
        // A claim window that opened with the period moves with it.
        var collect = current.CollectStart is null || current.CollectStart == current.PeriodStartTime ? start : current.CollectStart.Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("id", Number(current.Id)),
            new("voucher_type", current.VoucherType),
            new("voucher_name", change.Name ?? current.VoucherName ?? string.Empty),
            new("apply", current.Apply ?? LazadaVoucher.EntireShop),
            new("display_area", current.DisplayArea ?? "REGULAR_CHANNEL"),
            new("voucher_discount_type", current.DiscountType ?? LazadaVoucher.MoneyOff),
            new("criteria_over_money", Money(current.CriteriaOverMoney ?? 0)),
            new("period_start_time", Number(start)),
            new("period_end_time", Number(change.ValidTo?.ToUnixTimeMilliseconds() ?? current.PeriodEndTime)),
            new("collect_start", Number(collect)),
            new("limit", Number(change.PerBuyerLimit ?? current.Limit ?? 1)),
            new("issued", Number(change.TotalQuantity ?? current.Issued ?? 0)),
        };
        AddDiscount(form, percentage, change.DiscountAmount ?? current.MoneyValueOff,
            change.Percentage ?? current.PercentageDiscountOff, change.MaxDiscount ?? current.MaxDiscount);
        return form;
    }

    private static void AddDiscount(List<KeyValuePair<string, string>> form, bool percentage, decimal? amount, decimal? percent, decimal? cap)
    {
        if (!percentage)
        {
            form.Add(new("offering_money_value_off", Money(amount ?? 0)));
            return;
        }
        form.Add(new("offering_percentage_discount_off", Money(percent ?? 0)));
        // max_discount_offering_money_value exists for percentage vouchers only; none sent means "no cap".
        if (cap is > 0) form.Add(new("max_discount_offering_money_value", Money(cap.Value)));
    }
}
