namespace CouponFunctions.Sandbox.Shopee;

/// <summary>update_voucher's rules, by the voucher's status (derived from its times).</summary>
internal static class ShopeeVoucherUpdates
{
    // What voucher.voucher_ongoing_param_error names as changeable while ongoing; the rest may change only before start.
    private static readonly string[] RestrictedWhileOngoing =
        ["start_time", "min_basket_price", "discount_amount", "percentage", "max_price", "display_start_time"];

    public static ShopeeRuleError Permission { get; } = new("voucher.operate_voucher_permission_error",
        "The Voucher created in Shopee admin/Shop Game/Follow Prize/Member ship/Voucher campaign can't be updated");

    public static (ShopeeSandboxVoucher? Updated, ShopeeRuleError? Error) Apply(
        ShopeeSandboxShop shop, ShopeeSandboxVoucher current, ShopeeVoucherInput input, DateTimeOffset now, ShopeeSandboxOptions options)
    {
        if (current.IsAdmin || current.VoucherPurpose != 0) return (null, Permission);
        var status = current.StatusAt(now);
        if (status == "expired") return (null, new("error_param", "Wrong parameters, detail: an expired voucher cannot be updated."));

        var updated = current with
        {
            Name = input.VoucherName ?? current.Name,
            Start = input.StartTime is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : current.Start,
            End = input.EndTime is { } e ? DateTimeOffset.FromUnixTimeSeconds(e) : current.End,
            UsageQuantity = input.UsageQuantity ?? current.UsageQuantity,
            MinBasketPrice = input.MinBasketPrice ?? current.MinBasketPrice,
            DiscountAmount = input.DiscountAmount ?? current.DiscountAmount,
            Percentage = input.Percentage ?? current.Percentage,
            MaxPrice = input.MaxPrice ?? current.MaxPrice,
            DisplayChannels = input.DisplayChannelList ?? current.DisplayChannels,
            ItemIds = input.ItemIdList ?? current.ItemIds,
            DisplayStart = input.DisplayStartTime is { } d ? DateTimeOffset.FromUnixTimeSeconds(d) : current.DisplayStart,
        };
        if (status == "upcoming")
        {
            if (input.StartTime is not null && updated.Start < now)
                return (null, new("voucher.voucher_start_time_error", "Voucher start time is earlier than current time."));
            return Result(updated, ShopeeVoucherRules.CheckShape(shop, updated, options));
        }

        if (RestrictedWhileOngoing.Any(input.Present.Contains))
            return (null, new("voucher.voucher_ongoing_param_error",
                "Only limited fields can be modified when the voucher is ongoing. Fileds allow modification: voucher_name,usage_quantity,end_time,display_channel_list, item_id_list"));
        if (updated.UsageQuantity < current.UsageQuantity)
            return (null, new("voucher.voucher_quantity_reduce_error", "Only allow to increase the voucher quantity."));
        // Conflict in the sources: the reference's rule list (and this code's documented message) say end_time "can only
        // be shortened", while the code's own name and the product owner read it as "a running voucher's end can only
        // move later" (stopping early is what end_voucher is for). We follow the product owner: an earlier end is refused.
        if (updated.End < current.End)
            return (null, new("voucher.voucher_end_time_reduce_error", "Only allow to extend the voucher end_time while the voucher is ongoing; use end_voucher to stop it."));
        if (updated.End > updated.Start.AddMonths(3))
            return (null, new("voucher.voucher_end_time_error", "Voucher valid period can not be longer than 3 months."));
        if (string.IsNullOrWhiteSpace(updated.Name)) return (null, new("error_param", "Wrong parameters, detail: voucher_name must not be empty."));
        if (updated.DisplayChannels.Any(c => c is < 1 or > 4))
            return (null, new("voucher.voucher_display_channel_error", "Voucher display channel is set wrongly."));
        return Result(updated, updated.VoucherType == 2 && input.ItemIdList is not null ? ShopeeVoucherRules.CheckItems(shop, updated.ItemIds, options) : null);
    }

    private static (ShopeeSandboxVoucher?, ShopeeRuleError?) Result(ShopeeSandboxVoucher updated, ShopeeRuleError? error) =>
        error is null ? (updated, null) : (null, error);
}
