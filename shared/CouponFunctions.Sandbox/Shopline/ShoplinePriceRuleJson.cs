using System.Globalization;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>Price rules and discount codes in SHOPLINE's wire shape: string ids, decimal strings, ISO 8601 times with offset.</summary>
internal static class ShoplinePriceRuleJson
{
    public static Dictionary<string, object?> Rule(ShoplineSandboxPriceRule r) => new()
    {
        ["id"] = r.Id,
        ["title"] = r.Title,
        ["value_type"] = r.ValueType,
        ["value"] = Decimal(r.Value),
        ["allocation_method"] = r.AllocationMethod,
        ["target_type"] = r.TargetType,
        ["target_selection"] = r.TargetSelection,
        ["customer_selection"] = r.CustomerSelection,
        ["starts_at"] = Iso(r.StartsAt),
        ["ends_at"] = r.EndsAt is { } end ? Iso(end) : null,
        ["usage_limit"] = r.UsageLimit,
        ["once_per_customer"] = r.OncePerCustomer,
        ["prerequisite_subtotal_range"] = r.MinSubtotal is { } min ? new Dictionary<string, object?> { ["greater_than_or_equal_to"] = Decimal(min) } : null,
        ["entitled_product_ids"] = r.EntitledProductIds,
        ["created_at"] = Iso(r.CreatedAt),
        ["updated_at"] = Iso(r.UpdatedAt),
    };

    public static Dictionary<string, object?> Code(ShoplineSandboxDiscountCode c) => new()
    {
        ["id"] = c.Id,
        ["code"] = c.Code,
        ["price_rule_id"] = c.PriceRuleId,
        ["usage_count"] = c.UsageCount,
        // SHOPLINE spells these create_at / update_at on discount codes.
        ["create_at"] = Iso(c.CreatedAt),
        ["update_at"] = Iso(c.UpdatedAt),
    };

    public static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString("0.0#######", CultureInfo.InvariantCulture);
}
