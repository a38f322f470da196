namespace CouponFunctions.Sandbox.Lazada;

/// <summary>/promotion/voucher/update's rules, by the voucher's status.</summary>
internal static class LazadaVoucherUpdates
{
    /// <summary>The updated voucher, or the refusal. Any status: code vouchers are read-only, a finished voucher is
    /// closed, issued can only go up ("should be greater than the current setting"; the same value is accepted so that a
    /// rename is possible) and the minimum spend is fixed once set (product-anchors.md A5 [P3]). Running (ONGOING or
    /// SUSPEND): only voucher_name, issued and period_end_time may change, and the end must stay in the future.</summary>
    public static (LazadaSandboxVoucher? Updated, LazadaRuleError? Error) Apply(
        LazadaSandboxSeller seller, LazadaSandboxVoucher current, LazadaVoucherInput input, DateTimeOffset now, LazadaSandboxOptions options)
    {
        if (current.VoucherType == LazadaVoucherRules.CodeVoucher) return Fail(new("E021", "CODE_VOUCHER cannot be updated through the API."));
        if (input.VoucherType != current.VoucherType) return Fail(new("E021", "voucher_type does not match the voucher."));
        var status = current.StatusAt(now);
        if (status == "FINISH") return Fail(LazadaRuleError.Invalid("A finished voucher cannot be updated."));

        var updated = input.ApplyTo(current);
        if (updated.Issued < current.Issued) return Fail(LazadaRuleError.Invalid($"issued can only be raised; it is {current.Issued}."));
        if (updated.CriteriaOverMoney != current.CriteriaOverMoney) return Fail(LazadaRuleError.Invalid("criteria_over_money cannot be changed once set."));
        if (updated.DiscountType != current.DiscountType) return Fail(LazadaRuleError.Invalid("voucher_discount_type cannot be changed."));

        if (status is "ONGOING" or "SUSPEND")
        {
            var fixedWhileRunning = updated.Start != current.Start || updated.MoneyValueOff != current.MoneyValueOff
                || updated.PercentageOff != current.PercentageOff || updated.MaxDiscount != current.MaxDiscount
                || updated.Limit != current.Limit || updated.Apply != current.Apply || updated.DisplayArea != current.DisplayArea
                || (updated.CollectStart ?? updated.Start) != (current.CollectStart ?? current.Start);
            if (fixedWhileRunning)
                return Fail(LazadaRuleError.Invalid("Only voucher_name, issued and period_end_time can be changed while the voucher is running."));
            if (updated.End <= now)
                return Fail(LazadaRuleError.Invalid("period_end_time must be later than the current time; deactivate the voucher to stop it."));
        }
        else if (updated.Start != current.Start && updated.Start < now)
        {
            return Fail(LazadaRuleError.Invalid("period_start_time must not be earlier than the current time."));
        }

        var error = LazadaVoucherRules.CheckShape(seller, updated, options);
        return error is null ? (updated, null) : Fail(error);
    }

    private static (LazadaSandboxVoucher?, LazadaRuleError?) Fail(LazadaRuleError error) => (null, error);
}
