using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Rules;

/// <summary>Name, code, quantities and products (sources: the platform files that set the facts).</summary>
internal static class IdentityChecks
{
    public static void Run(RuleCheckContext ctx)
    {
        CheckName(ctx);
        if (ctx.IsNew) CheckCode(ctx);
        CheckQuantities(ctx);
        CheckProducts(ctx);
    }

    private static void CheckName(RuleCheckContext ctx)
    {
        var (r, name) = (ctx.Rules, ctx.Terms.Name);
        if (!ctx.Touches(RuleFields.Name)) return;
        if (string.IsNullOrWhiteSpace(name))
            ctx.Add(RuleFields.Name, RuleCodes.NameRequired, "A name is required.");
        else if (name.Length > r.NameMaxLength)
            ctx.Add(RuleFields.Name, RuleCodes.NameTooLong,
                $"{r.DisplayName} {r.CouponNoun} names can be at most {r.NameMaxLength} characters; this one has {name.Length}.");
    }

    private static void CheckCode(RuleCheckContext ctx)
    {
        var (r, code) = (ctx.Rules, ctx.Terms.Code);
        var rules = r.Code;
        if (rules.Requirement == CodeRequirement.NotSupported) return;
        if (string.IsNullOrEmpty(code))
        {
            if (rules.Requirement == CodeRequirement.Required)
                ctx.Add(RuleFields.Code, RuleCodes.CodeRequired, $"{r.Plural} need a code of {Lengths(rules)}.");
            return;
        }

        if (!rules.IsAllowed(code))
            ctx.Add(RuleFields.Code, RuleCodes.CodeFormat,
                $"{r.DisplayName} {r.CouponNoun} codes may use only {rules.AllowedDescription}; '{code}' has other characters.");
        if (code.Length < rules.MinLength || code.Length > rules.MaxLength)
            ctx.Add(RuleFields.Code, RuleCodes.CodeLength,
                $"{r.DisplayName} {r.CouponNoun} codes must be {Lengths(rules)}; '{code}' has {code.Length}.");
    }

    private static string Lengths(CodeRules rules) =>
        rules.MinLength == rules.MaxLength ? $"{rules.MaxLength} characters" : $"{rules.MinLength}–{rules.MaxLength} characters";

    private static void CheckQuantities(RuleCheckContext ctx)
    {
        var (r, t) = (ctx.Rules, ctx.Terms);
        if (ctx.Touches(RuleFields.TotalQuantity) && t.TotalQuantity is { } total)
        {
            if (total < 1)
                ctx.Add(RuleFields.TotalQuantity, RuleCodes.QuantityTooLow, $"The total quantity must be at least 1; it is {RuleText.Count(total)}.");
            else if (r.MaxTotalQuantity is { } max && total > max)
                ctx.Add(RuleFields.TotalQuantity, RuleCodes.QuantityTooHigh,
                    $"{r.Plural} can have at most {RuleText.Count(max)} in total; this one has {RuleText.Count(total)}.");
        }

        if (!ctx.Touches(RuleFields.PerBuyerLimit, RuleFields.TotalQuantity) || t.PerBuyerLimit is not { } perBuyer) return;
        if (perBuyer < 1)
            ctx.Add(RuleFields.PerBuyerLimit, RuleCodes.PerBuyerLimitInvalid, $"The per-buyer limit must be at least 1; it is {RuleText.Count(perBuyer)}.");
        else if (t.TotalQuantity is { } all and > 0 && perBuyer > all)
            ctx.Add(ctx.Pick(RuleFields.PerBuyerLimit, RuleFields.TotalQuantity), RuleCodes.PerBuyerLimitInvalid,
                $"The per-buyer limit ({RuleText.Count(perBuyer)}) cannot be above the total quantity ({RuleText.Count(all)}).");
    }

    private static void CheckProducts(RuleCheckContext ctx)
    {
        var (r, t) = (ctx.Rules, ctx.Terms);
        if (!ctx.Touches(RuleFields.ProductIds, RuleFields.Scope) || t.Scope != CouponScope.Product) return;
        var ids = t.ProductIds;
        if (ids.Count == 0)
            ctx.Add(RuleFields.ProductIds, RuleCodes.ProductsRequired, "A product coupon needs at least one product.");
        else if (r.MaxProducts is { } max && ids.Count > max)
            ctx.Add(RuleFields.ProductIds, RuleCodes.ProductsTooMany,
                $"{r.Plural} can cover at most {RuleText.Count(max)} products; this one lists {RuleText.Count(ids.Count)}.");
        // Shopee refuses duplicates (voucher_item_duplication_error, S2); on other platforms they are a mistake all the same.
        var duplicates = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            ctx.Add(RuleFields.ProductIds, RuleCodes.ProductsDuplicate, $"Products are listed twice: {string.Join(", ", duplicates.Take(5))}.");
    }
}
