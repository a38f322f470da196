using System.Text.RegularExpressions;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>
/// What a TikTok Shop coupon can look like (platform-apis.md §3 coupon fields and region rules), written here on their
/// own and NOT taken from Core's rule catalog. TikTok coupons are made in Seller Center, so these guard the seeding:
/// the sandbox never holds a coupon TikTok could not.
/// </summary>
internal static partial class TikTokCouponRules
{
    private static readonly string[] DisplayTypes = ["REGULAR", "LIVE", "CREATOR_EXCLUSIVE", "CHAT", "PROMO_CODE"];

    // redemption_limit exists only in these regions.
    private static readonly HashSet<string> RedemptionLimitRegions = new(StringComparer.Ordinal) { "ID", "MY", "PH", "TH", "SG", "VN" };

    // Money is a string with at most 2 decimals; currencies without minor units take none.
    private static readonly HashSet<string> WholeMoneyRegions = new(StringComparer.Ordinal) { "ID", "VN" };

    [GeneratedRegex("^[0-9A-Za-z]{6,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex PromoCodeFormat();

    public static string? Check(TikTokSandboxCoupon c, string region)
    {
        if (string.IsNullOrWhiteSpace(c.Title)) return "title must not be empty";
        if (!DisplayTypes.Contains(c.DisplayType)) return $"display_type must be one of {string.Join(", ", DisplayTypes)}";
        if ((c.DisplayType == "PROMO_CODE") != (c.PromoCode is not null)) return "promo_code is set exactly for PROMO_CODE coupons";
        if (c.PromoCode is not null && !PromoCodeFormat().IsMatch(c.PromoCode)) return "promo_code must be 6-12 letters or digits";
        if (c.DiscountType == "AMOUNT_OFF")
        {
            if (c.ReductionAmount <= 0) return "reduction_amount must be positive";
        }
        else if (c.DiscountType == "PERCENT_OFF")
        {
            if (c.Percentage is <= 0 or >= 100) return "percentage must be between 0 and 100";
        }
        else return "discount.type must be AMOUNT_OFF or PERCENT_OFF";
        var decimals = WholeMoneyRegions.Contains(region) ? 0 : 2;
        foreach (var money in new[] { c.ReductionAmount, c.MaxDiscount ?? 0, c.MinSpend ?? 0 })
        {
            if (money < 0 || decimal.Round(money, decimals) != money) return $"money in {region} takes at most {decimals} decimals and is not negative";
        }
        if (c.ClaimEnd <= c.ClaimStart) return "claim_duration must end after it starts";
        if ((c.RelativeDays is null) == (c.RedemptionStart is null || c.RedemptionEnd is null)) return "redemption_duration is either ABSOLUTE (start and end) or RELATIVE (days)";
        if (c.RelativeDays is < 1) return "RELATIVE redemption lasts at least 1 day";
        if (c.RedemptionEnd <= c.RedemptionStart) return "redemption_duration must end after it starts";
        if (c.RedemptionLimit is not null && !RedemptionLimitRegions.Contains(region)) return $"redemption_limit does not exist in {region}";
        if (c.TotalClaimLimit is < 1 || c.SingleBuyerClaimLimit is < 1 || c.RedemptionLimit is < 1) return "usage limits are at least 1";
        if (c.ClaimedCount < 0 || c.RedeemedCount < 0 || c.RedeemedCount > c.ClaimedCount) return "redeemed_count cannot exceed claimed_count";
        if (c.TotalClaimLimit is { } total && c.ClaimedCount > total) return "claimed_count cannot exceed total_claim_limit";
        return null;
    }

    /// <summary>The currency of a region's money.</summary>
    public static string Currency(string region) => region switch
    {
        "SG" => "SGD",
        "MY" => "MYR",
        "PH" => "PHP",
        "TH" => "THB",
        "VN" => "VND",
        "ID" => "IDR",
        "GB" => "GBP",
        _ => "USD",
    };

    public static int Decimals(string region) => WholeMoneyRegions.Contains(region) ? 0 : 2;
}
