using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>Reads a <c>price_rule</c> object of a create or update onto a rule: only the fields present change.</summary>
internal static partial class ShoplinePriceRuleInput
{
    // ISO 8601 with an offset or Z: SHOPLINE times carry their zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();

    public static (ShoplineSandboxPriceRule? Rule, ShoplineRuleError? Error, HashSet<string> Present) Apply(JsonElement input, ShoplineSandboxPriceRule current)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (input.ValueKind != JsonValueKind.Object) return (null, new("price_rule", "is required"), present);
        var rule = current;
        foreach (var field in input.EnumerateObject())
        {
            present.Add(field.Name);
            var v = field.Value;
            var ok = true;
            switch (field.Name)
            {
                case "title": ok = Text(v, t => rule = rule with { Title = t }); break;
                case "value_type": ok = Text(v, t => rule = rule with { ValueType = t }); break;
                case "allocation_method": ok = Text(v, t => rule = rule with { AllocationMethod = t }); break;
                case "target_type": ok = Text(v, t => rule = rule with { TargetType = t }); break;
                case "target_selection": ok = Text(v, t => rule = rule with { TargetSelection = t }); break;
                case "customer_selection": ok = Text(v, t => rule = rule with { CustomerSelection = t }); break;
                case "value": ok = Number(v, d => rule = rule with { Value = d }); break;
                case "starts_at": ok = Time(v, t => rule = rule with { StartsAt = t }); break;
                case "ends_at": ok = v.ValueKind == JsonValueKind.Null ? Set(() => rule = rule with { EndsAt = null }) : Time(v, t => rule = rule with { EndsAt = t }); break;
                case "usage_limit":
                    ok = v.ValueKind == JsonValueKind.Null ? Set(() => rule = rule with { UsageLimit = null }) : v.TryGetInt32(out var limit) && Set(() => rule = rule with { UsageLimit = limit });
                    break;
                case "once_per_customer": ok = v.ValueKind is JsonValueKind.True or JsonValueKind.False && Set(() => rule = rule with { OncePerCustomer = v.GetBoolean() }); break;
                case "prerequisite_subtotal_range":
                    ok = v.ValueKind == JsonValueKind.Null
                        ? Set(() => rule = rule with { MinSubtotal = null })
                        : v.ValueKind == JsonValueKind.Object && v.TryGetProperty("greater_than_or_equal_to", out var min) && Number(min, d => rule = rule with { MinSubtotal = d });
                    break;
                case "entitled_product_ids":
                    ok = v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(i => i.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                        && Set(() => rule = rule with { EntitledProductIds = [.. v.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText())] });
                    break;
            }
            if (!ok) return (null, new(field.Name, "is invalid"), present);
        }
        return (rule, null, present);
    }

    private static bool Set(Action apply)
    {
        apply();
        return true;
    }

    private static bool Text(JsonElement v, Action<string> apply) => v.ValueKind == JsonValueKind.String && Set(() => apply(v.GetString()!));

    private static bool Number(JsonElement v, Action<decimal> apply) =>
        (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)
            || v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out d))
        && Set(() => apply(d));

    private static bool Time(JsonElement v, Action<DateTimeOffset> apply) =>
        v.ValueKind == JsonValueKind.String && IsoWithOffset().IsMatch(v.GetString()!)
        && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
        && Set(() => apply(ShoplineSandbox.WholeSeconds(t)));
}
