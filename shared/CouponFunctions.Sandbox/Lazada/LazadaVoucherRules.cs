namespace CouponFunctions.Sandbox.Lazada;

/// <summary>
/// Lazada's seller voucher rules (platform-apis.md §2; product-anchors.md A5 [P3]), written here on their own and NOT
/// taken from Core's rule catalog, so that a catalog or connector mistake shows up as a sandbox refusal. Where the
/// reference is UNCERTAIN the choice is named in <see cref="LazadaSandboxOptions"/>.
/// </summary>
internal static class LazadaVoucherRules
{
    public const string Collectible = "COLLECTIBLE_VOUCHER";
    public const string CodeVoucher = "CODE_VOUCHER";
    public const string SpecificProducts = "SPECIFIC_PRODUCTS";
    public const string MoneyOff = "MONEY_VALUE_OFF";
    public const string PercentageOff = "PERCENTAGE_DISCOUNT_OFF";

    private static readonly string[] Applies = ["ENTIRE_SHOP", SpecificProducts];
    private static readonly string[] DisplayAreas = ["REGULAR_CHANNEL", "STORE_FOLLOWER", "OFFLINE", "LIVE_STREAM", "SHARE_VOUCHER", "CEM_SELLER"];
    private static readonly string[] DiscountTypes = [MoneyOff, PercentageOff];

    private static readonly string[] RequiredOnCreate =
    [
        "voucher_name", "apply", "display_area", "voucher_discount_type", "criteria_over_money",
        "period_start_time", "period_end_time", "limit", "issued",
    ];

    /// <summary>The checks of /promotion/voucher/create: the voucher type, required fields, a start not in the past, then the shape.</summary>
    public static LazadaRuleError? CheckCreate(LazadaSandboxSeller seller, LazadaVoucherInput input, LazadaSandboxVoucher candidate, DateTimeOffset now, LazadaSandboxOptions options)
    {
        if (input.VoucherType is null) return LazadaRuleError.Illegal("voucher_type is required");
        if (input.VoucherType == CodeVoucher) return new("E021", "CODE_VOUCHER cannot be created through the API; only COLLECTIBLE_VOUCHER can.");
        if (input.VoucherType != Collectible) return new("E021", $"Invalid voucher_type {input.VoucherType}.");
        foreach (var field in RequiredOnCreate)
        {
            if (!input.Present.Contains(field)) return LazadaRuleError.Illegal($"{field} is required");
        }
        if (candidate.Start < now) return LazadaRuleError.Invalid("period_start_time must not be earlier than the current time.");
        return CheckShape(seller, candidate, options);
    }

    /// <summary>The rules every saved voucher obeys: name, enumerations, discount, amounts, period, quantities.</summary>
    public static LazadaRuleError? CheckShape(LazadaSandboxSeller seller, LazadaSandboxVoucher v, LazadaSandboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(v.Name)) return LazadaRuleError.Illegal("voucher_name must not be empty");
        if (v.Name.Length > options.NameMaxLength) return LazadaRuleError.Invalid($"voucher_name must be at most {options.NameMaxLength} characters.");
        if (!Applies.Contains(v.Apply)) return LazadaRuleError.Illegal("apply must be ENTIRE_SHOP or SPECIFIC_PRODUCTS");
        if (!DisplayAreas.Contains(v.DisplayArea)) return LazadaRuleError.Illegal($"display_area must be one of {string.Join(", ", DisplayAreas)}");
        if (!DiscountTypes.Contains(v.DiscountType)) return LazadaRuleError.Illegal("voucher_discount_type must be MONEY_VALUE_OFF or PERCENTAGE_DISCOUNT_OFF");
        if (v.CriteriaOverMoney < 0) return LazadaRuleError.Illegal("criteria_over_money must not be negative");

        if (v.DiscountType == MoneyOff)
        {
            if (v.MoneyValueOff is not > 0) return LazadaRuleError.Illegal("offering_money_value_off is required for MONEY_VALUE_OFF and must be above 0");
            if (v.PercentageOff is not null || v.MaxDiscount is not null)
                return LazadaRuleError.Illegal("offering_percentage_discount_off and max_discount_offering_money_value are for PERCENTAGE_DISCOUNT_OFF only");
        }
        else
        {
            if (v.PercentageOff is not (> 0 and <= 100)) return LazadaRuleError.Illegal("offering_percentage_discount_off must be above 0 and at most 100");
            if (options.MaxPercentageBySite.TryGetValue(seller.Site, out var cap) && v.PercentageOff > cap)
                return LazadaRuleError.Invalid($"The percentage discount cannot exceed {cap}% in {seller.Site}.");
            if (v.MaxDiscount is <= 0) return LazadaRuleError.Illegal("max_discount_offering_money_value must be above 0");
            if (v.MoneyValueOff is not null) return LazadaRuleError.Illegal("offering_money_value_off is for MONEY_VALUE_OFF only");
        }
        if (options.WholeAmountSites.Contains(seller.Site)
            && new[] { v.CriteriaOverMoney, v.MoneyValueOff ?? 0, v.MaxDiscount ?? 0 }.Any(a => a != decimal.Truncate(a)))
            return LazadaRuleError.Illegal($"amounts must be whole numbers in {seller.Site}");

        if (v.End <= v.Start) return LazadaRuleError.Invalid("period_end_time must be later than period_start_time.");
        if (v.CollectStart >= v.End) return LazadaRuleError.Invalid("collect_start must be earlier than period_end_time.");
        if (v.Limit < 1) return LazadaRuleError.Illegal("limit must be at least 1");
        if (v.Issued < 1) return LazadaRuleError.Illegal("issued must be at least 1");
        return null;
    }
}
