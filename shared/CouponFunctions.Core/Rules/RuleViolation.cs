namespace CouponFunctions.Core.Rules;

/// <summary>One broken platform rule: the field it concerns, a stable machine code and a plain-words message with the numbers.</summary>
/// <param name="Field">The draft or change property in camelCase (see <see cref="RuleFields"/>); empty when the rule concerns the whole coupon.</param>
/// <param name="Code">A stable key such as <c>time.too_short</c> (see <see cref="RuleCodes"/>).</param>
/// <param name="Message">What an operator reads, e.g. "Shopee vouchers must end at least 1 hour after they start; this one lasts 30 minutes."</param>
public sealed record RuleViolation(string Field, string Code, string Message);

/// <summary>The field names violations use: the camelCase names of <c>CouponDraft</c> and <c>CouponChange</c> properties.</summary>
public static class RuleFields
{
    /// <summary>A violation of the coupon as a whole (like ASP.NET Core model-level errors).</summary>
    public const string Coupon = "";
    public const string Name = "name";
    public const string Code = "code";
    public const string Scope = "scope";
    public const string Reward = "reward";
    public const string DiscountAmount = "discountAmount";
    public const string Percentage = "percentage";
    public const string MaxDiscount = "maxDiscount";
    public const string MinSpend = "minSpend";
    public const string TotalQuantity = "totalQuantity";
    public const string PerBuyerLimit = "perBuyerLimit";
    public const string ClaimStart = "claimStart";
    public const string ValidFrom = "validFrom";
    public const string ValidTo = "validTo";
    public const string ProductIds = "productIds";
}
