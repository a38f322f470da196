namespace CouponFunctions.Sandbox.Shopline;

/// <summary>A refusal of a price rule or code field, answered as HTTP 422 <c>{"errors": {field: [message]}}</c>.</summary>
internal sealed record ShoplineRuleError(string Field, string Message);

/// <summary>
/// SHOPLINE's price rule and discount code rules (platform-apis.md §4.1; Shopify-like fields, the list UNCERTAIN), written
/// here on their own and NOT taken from Core's rule catalog, so a catalog or connector mistake shows up as a refusal.
/// </summary>
internal static class ShoplinePriceRuleRules
{
    // Currencies whose money has no decimals (TWD and JPY per platform-apis.md §4.2; KRW, VND and IDR in practice).
    private static readonly HashSet<string> WholeCurrencies = new(StringComparer.Ordinal) { "TWD", "JPY", "KRW", "VND", "IDR" };

    public static ShoplineRuleError? Check(ShoplineSandboxPriceRule r, string currency)
    {
        if (string.IsNullOrWhiteSpace(r.Title)) return new("title", "can't be blank");
        if (r.Title.Length > 255) return new("title", "is too long (maximum is 255 characters)");
        if (r.ValueType is not ("fixed_amount" or "percentage")) return new("value_type", "is not included in the list");
        // SHOPLINE takes the discount as a positive value (a negative one, Shopify's way, is refused).
        if (r.Value <= 0) return new("value", "must be greater than 0");
        if (r.ValueType == "percentage" && (r.Value > 100 || decimal.Round(r.Value, 2) != r.Value)) return new("value", "must be a percentage of at most 100 with at most 2 decimals");
        var decimals = WholeCurrencies.Contains(currency) ? 0 : 2;
        if (r.ValueType == "fixed_amount" && decimal.Round(r.Value, decimals) != r.Value) return new("value", $"takes at most {decimals} decimals in {currency}");
        if (r.EndsAt is { } end && end < r.StartsAt) return new("ends_at", "must be after starts_at");
        if (r.UsageLimit is < 1) return new("usage_limit", "must be greater than 0");
        if (r.MinSubtotal is { } min && (min < 0 || decimal.Round(min, decimals) != min))
            return new("prerequisite_subtotal_range", $"must not be negative and takes at most {decimals} decimals in {currency}");
        if (r.AllocationMethod is not ("each" or "across")) return new("allocation_method", "is not included in the list");
        if (r.TargetType is not ("line_item" or "shipping_line")) return new("target_type", "is not included in the list");
        if (r.CustomerSelection is not ("all" or "prerequisite")) return new("customer_selection", "is not included in the list");
        if (r.TargetSelection is not ("all" or "entitled")) return new("target_selection", "is not included in the list");
        if (r.TargetSelection == "entitled" && r.EntitledProductIds.Count == 0) return new("entitled_product_ids", "can't be blank when target_selection is entitled");
        if (r.TargetSelection == "all" && r.EntitledProductIds.Count > 0) return new("entitled_product_ids", "must be blank when target_selection is all");
        if (r.EntitledProductIds.Any(id => id.Length == 0 || !id.All(char.IsAsciiDigit))) return new("entitled_product_ids", "must be product ids");
        return null;
    }

    public static ShoplineRuleError? CheckCode(ShoplineSandboxStore store, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return new("code", "can't be blank");
        if (code.Length > 255 || code.Any(char.IsWhiteSpace)) return new("code", "is invalid");
        // Codes are unique per store, whatever their case.
        if (store.Codes.Values.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
            return new("code", "must be unique. Please try a different code.");
        return null;
    }
}
