namespace CouponFunctions.Core.Rules;

/// <summary>Refuses option values that would make the catalog say nonsense, so a bad setting fails at start-up.</summary>
internal static class RuleCatalogOptionsCheck
{
    public static List<string> Errors(RuleCatalogOptions o)
    {
        var errors = new List<string>();
        foreach (var (platform, bySite) in o.SiteDiscountCapPercent)
        foreach (var (site, cap) in bySite)
            if (cap is <= 0m or > 100m) errors.Add($"SiteDiscountCapPercent {platform}/{site} must be above 0 and at most 100; it is {cap}.");
        foreach (var (platform, bySite) in o.CurrencyDecimals)
        foreach (var (site, decimals) in bySite)
            if (decimals is < 0 or > 4) errors.Add($"CurrencyDecimals {platform}/{site} must be 0–4; it is {decimals}.");
        foreach (var (platform, max) in o.NameMaxLength)
            if (max < 1) errors.Add($"NameMaxLength {platform} must be at least 1; it is {max}.");
        foreach (var (platform, max) in o.MaxTotalQuantity)
            if (max < 1) errors.Add($"MaxTotalQuantity {platform} must be at least 1; it is {max}.");
        if (o.ShopeeMinLeadTime < TimeSpan.Zero) errors.Add("ShopeeMinLeadTime must not be negative.");
        if (o.ShopeeMinPercentage is <= 0m or > 100m) errors.Add($"ShopeeMinPercentage must be above 0 and at most 100; it is {o.ShopeeMinPercentage}.");
        if (o.ShopeeMinDiscountDepthPercent is <= 0m or > 100m) errors.Add($"ShopeeMinDiscountDepthPercent must be above 0 and at most 100 when set; it is {o.ShopeeMinDiscountDepthPercent}.");
        if (o.TikTokMinPercentage <= 0m || o.TikTokMaxPercentage > 100m || o.TikTokMinPercentage > o.TikTokMaxPercentage)
            errors.Add($"TikTok percentages must satisfy 0 < min ≤ max ≤ 100; they are {o.TikTokMinPercentage}–{o.TikTokMaxPercentage}.");
        if (o.TikTokMinDiscountAmount < 0m) errors.Add("TikTokMinDiscountAmount must not be negative.");
        if (o.TikTokPromoCodeMinLength < 1 || o.TikTokPromoCodeMinLength > o.TikTokPromoCodeMaxLength)
            errors.Add($"TikTok promo code lengths must satisfy 1 ≤ min ≤ max; they are {o.TikTokPromoCodeMinLength}–{o.TikTokPromoCodeMaxLength}.");
        if (o.LossRiskDepthPercent is <= 0m or > 100m) errors.Add($"LossRiskDepthPercent must be above 0 and at most 100; it is {o.LossRiskDepthPercent}.");
        if (o.UnreachableMinSpendMultiple <= 1m) errors.Add($"UnreachableMinSpendMultiple must be above 1; it is {o.UnreachableMinSpendMultiple}.");
        return errors;
    }
}
