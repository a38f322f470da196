using System.Text.RegularExpressions;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>
/// Shopee's voucher rules, from its documented error codes (platform-apis.md §1 "Rules"), written here on their own and
/// NOT taken from Core's rule catalog, so that a catalog or connector mistake shows up as a sandbox refusal.
/// </summary>
internal static partial class ShopeeVoucherRules
{
    // Sites whose prices must be whole numbers (2 decimals only for SG/MY/BR/MX/PL/ES/AR). That voucher amounts follow
    // the product price rule is UNCERTAIN in the reference but likely, so the sandbox enforces it.
    private static readonly HashSet<string> TwoDecimalSites = new(StringComparer.OrdinalIgnoreCase) { "SG", "MY", "BR", "MX", "PL", "ES", "AR" };

    [GeneratedRegex("^[0-9A-Za-z]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeFormat();

    private static ShopeeRuleError Param(string detail) => new("error_param", $"Wrong parameters, detail: {detail}.");

    /// <summary>The checks of add_voucher: required fields, code format and uniqueness, the open-voucher cap, then the shared rules.</summary>
    public static ShopeeRuleError? CheckNew(ShopeeSandboxShop shop, ShopeeSandboxVoucher candidate, ShopeeVoucherInput input, DateTimeOffset now, ShopeeSandboxOptions options)
    {
        foreach (var field in new[] { "voucher_name", "voucher_code", "start_time", "end_time", "voucher_type", "reward_type", "usage_quantity", "min_basket_price" })
        {
            if (!input.Present.Contains(field)) return Param($"{field} is required");
        }
        if (!CodeFormat().IsMatch(candidate.Code))
            return new("voucher.voucher_code_error", "Voucher code doesn't meet the requirement. Only support 0-9 or A-Z or a-z. Up to 5 characters.");
        var open = shop.Vouchers.Values.Where(v => v.StatusAt(now) != "expired").ToList();
        if (open.Any(v => string.Equals(v.Code, candidate.Code, StringComparison.OrdinalIgnoreCase)))
            return new("voucher.voucher_code_duplicate_error", "Duplicated voucher code.");
        if (open.Count >= options.MaxOpenVouchers)
            return new("voucher.voucher_over_limit", $"The total number of ongoing voucher and upcoming voucher cannot exceed {options.MaxOpenVouchers}.");
        if (candidate.Start < now) return new("voucher.voucher_start_time_error", "Voucher start time is earlier than current time.");
        return CheckShape(shop, candidate, options);
    }

    /// <summary>The rules every saved voucher obeys: period, amounts, reward, items, display.</summary>
    public static ShopeeRuleError? CheckShape(ShopeeSandboxShop shop, ShopeeSandboxVoucher v, ShopeeSandboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(v.Name)) return Param("voucher_name must not be empty");
        if (v.VoucherType is not (1 or 2)) return Param("voucher_type must be 1 or 2");
        if (v.RewardType is not (1 or 2 or 3)) return Param("reward_type must be 1, 2 or 3");
        if (v.UsageQuantity < 1) return Param("usage_quantity must be at least 1");
        if (v.MinBasketPrice < 0) return Param("min_basket_price must not be negative");
        if (v.End < v.Start.AddHours(1)) return new("voucher.voucher_time_period_error", "Voucher end time must be 1 hour later than the start time.");
        if (v.End > v.Start.AddMonths(3)) return new("voucher.voucher_end_time_error", "Voucher valid period can not be longer than 3 months.");
        if (!TwoDecimalSites.Contains(shop.Site) && new[] { v.MinBasketPrice, v.DiscountAmount, v.MaxPrice }.Any(a => a != decimal.Truncate(a)))
            return Param($"amounts must be whole numbers in site {shop.Site}");

        if (v.RewardType == 1)
        {
            if (v.DiscountAmount <= 0) return Param("discount_amount is required for a fix_amount voucher");
            if (v.MinBasketPrice != 0 && v.MinBasketPrice <= v.DiscountAmount)
                return new("voucher.voucher_min_price_error", "Min_basket_price must be higher than the fix amount if Min_basket_price is not 0.");
        }
        else
        {
            if (v.Percentage is < 1 or > 100) return Param("percentage must be 1-100");
            if (v.Percentage < options.MinimumPercentage)
                return new("voucher.percentage_low_quality_error",
                    $"Voucher cannot be saved as it is lower than {options.MinimumPercentage}.00%. Please adjust the percentage amount to be more than or equal to {options.MinimumPercentage}.00%.");
            if (v.MaxPrice < 0) return Param("max_price must not be negative");
            if (v.MaxPrice > 0 && v.MinBasketPrice > 0 && v.MaxPrice <= v.Percentage * v.MinBasketPrice / 100)
                return new("voucher.voucher_max_discount_low_quality",
                    $"To attract buyers to use your voucher, please increase maximum discount price to > {v.Percentage * v.MinBasketPrice / 100} or reduce minimum basket price to < {v.MaxPrice * 100 / v.Percentage} to ensure buyers can enjoy the percentage discount configured.");
            if (v.RewardType == 3 && !shop.AllowCoinCashback) return new("voucher.voucher_coin_error", "Cannot create coin cashback voucher.");
        }

        if (v.DisplayChannels.Any(c => c is < 1 or > 4) || (v.DisplayChannels.Count == 0 && v.DisplayStart is not null))
            return new("voucher.voucher_display_channel_error", "Voucher display channel is set wrongly.");
        return v.VoucherType == 2 ? CheckItems(shop, v.ItemIds, options) : null;
    }

    public static ShopeeRuleError? CheckItems(ShopeeSandboxShop shop, IReadOnlyList<long> itemIds, ShopeeSandboxOptions options)
    {
        if (itemIds.Count == 0) return Param("item_id_list is required for a product voucher");
        if (itemIds.Distinct().Count() != itemIds.Count) return new("voucher.voucher_item_duplication_error", "Duplicated items in item_id_list.");
        if (itemIds.Count > options.MaxItemsPerVoucher) return new("voucher.voucher_item_count_limit_error", "The number of items in item_id_list exceeds the limit.");
        var items = itemIds.Select(id => shop.Items.GetValueOrDefault(id)).ToList();
        if (items.Any(i => i is null)) return new("voucher.voucher_item_not_exist", "Some item in item_id_list doesn't exist");
        if (items.Any(i => !i!.Normal)) return new("voucher.voucher_item_status_error", "Not all the items in item_id_list are in normal status.");
        if (items.Any(i => i!.Stock <= 0)) return new("voucher.voucher_item_stock_error", "Some item in item_id_list has 0 stock.");
        return null;
    }
}
