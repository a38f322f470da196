namespace CouponFunctions.Core.Deployments;

/// <summary>The stable machine keys of preview issues beyond <see cref="Rules.RuleCodes"/> (which the preview also uses);
/// clients switch on them, so never rename one.</summary>
public static class PreviewCodes
{
    public const string StoreNeedsReauthorization = "store.needs_reauthorization";
    public const string StoreDisabled = "store.disabled";
    public const string StoreTooManyActive = "store.too_many_active";
    public const string AmountMissing = "template.amount_missing";
    public const string VisibilityUnsupported = "template.visibility_unsupported";

    public const string VisibilityDiffers = "warning.visibility_differs";
    public const string CapMissing = "warning.cap_missing";
    public const string MinSpendMissing = "warning.min_spend_missing";
    public const string DeepDiscount = "warning.deep_discount";
    public const string EndsWithin24Hours = "warning.ends_within_24h";
    public const string DuplicateCode = "warning.duplicate_code";
}
