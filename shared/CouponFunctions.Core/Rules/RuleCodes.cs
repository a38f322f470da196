namespace CouponFunctions.Core.Rules;

/// <summary>The stable machine keys of <see cref="RuleViolation.Code"/>; clients may switch on them, so never rename one.</summary>
public static class RuleCodes
{
    public const string CreateUnsupported = "platform.create_unsupported";
    public const string OperationUnsupported = "operation.unsupported";
    public const string OperationNotAllowedInStatus = "operation.not_allowed_in_status";

    public const string NameRequired = "name.required";
    public const string NameTooLong = "name.too_long";

    public const string CodeRequired = "code.required";
    public const string CodeFormat = "code.format";
    public const string CodeLength = "code.length";

    public const string EndBeforeStart = "time.end_before_start";
    public const string StartInPast = "time.start_in_past";
    public const string StartTooSoon = "time.start_too_soon";
    public const string EndInPast = "time.end_in_past";
    public const string TooShort = "time.too_short";
    public const string TooLong = "time.too_long";
    public const string ClaimAfterEnd = "time.claim_after_end";

    public const string RewardUnsupported = "discount.reward_unsupported";
    public const string AmountRequired = "discount.amount_required";
    public const string AmountNotApplicable = "discount.amount_not_applicable";
    public const string PercentageRequired = "discount.percentage_required";
    public const string PercentageNotApplicable = "discount.percentage_not_applicable";
    public const string PercentageRange = "discount.percentage_range";
    public const string PercentageWhole = "discount.percentage_whole";
    public const string BelowMinAmount = "discount.below_min_amount";
    public const string BelowMinDepth = "discount.below_min_depth";
    public const string OverSiteCap = "discount.over_site_cap";
    public const string OverPlatformCap = "discount.over_platform_cap";
    public const string CapNotApplicable = "discount.cap_not_applicable";
    public const string CapInvalid = "discount.cap_invalid";
    public const string CapTooLow = "discount.cap_too_low";

    public const string MoneyDecimals = "money.decimals";

    public const string MinSpendNegative = "min_spend.negative";
    public const string MinSpendNotAboveDiscount = "min_spend.not_above_discount";

    public const string QuantityTooLow = "quantity.too_low";
    public const string QuantityTooHigh = "quantity.too_high";
    public const string PerBuyerLimitInvalid = "quantity.per_buyer_invalid";

    public const string ProductsRequired = "products.required";
    public const string ProductsTooMany = "products.too_many";
    public const string ProductsDuplicate = "products.duplicate";

    public const string ChangeEmpty = "change.empty";
    public const string ChangeNotEditable = "change.not_editable";
    public const string QuantityDecrease = "change.quantity_decrease";
    public const string QuantityBelowClaimed = "change.quantity_below_claimed";
    public const string EndEarlier = "change.end_earlier";
    public const string EndLater = "change.end_later";
    public const string MinSpendFixed = "change.min_spend_fixed";

    public const string ThresholdLossRisk = "threshold.loss_risk";
    public const string ThresholdUnreachable = "threshold.unreachable";
}
