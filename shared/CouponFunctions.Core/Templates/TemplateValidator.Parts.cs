using System.Globalization;
using System.Text.RegularExpressions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Templates;

public static partial class TemplateValidator
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    [GeneratedRegex("^[A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeCharacters();

    private static TemplateDiscount? Discount(DiscountInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("discount", "A discount is required: type \"percentage\", \"fixedAmount\" or \"freeShipping\".");
            return null;
        }

        var amount = Amounts(input.Amount, "discount.amount", allowZero: false, errors);
        var cap = Amounts(input.Cap, "discount.cap", allowZero: false, errors);
        switch (input.Type?.Trim())
        {
            case "percentage":
                CheckPercentage(input.Percentage, "discount.percentage", required: true, errors);
                if (amount is { Count: > 0 }) errors.Add("discount.amount", "A percentage discount takes no fixed amount; set a cap instead.");
                return new TemplateDiscount(TemplateRewardKind.Percentage, input.Percentage, null, cap);
            case "fixedAmount":
                if (input.Amount is not { Count: > 0 }) errors.Add("discount.amount", "A fixed-amount discount needs an amount per currency, e.g. {\"SGD\": 5}.");
                if (input.Percentage is not null) errors.Add("discount.percentage", "A fixed-amount discount takes no percentage.");
                if (cap is { Count: > 0 }) errors.Add("discount.cap", "A cap applies only to percentage discounts.");
                return new TemplateDiscount(TemplateRewardKind.FixedAmount, null, amount, null);
            case "freeShipping":
                if (input.Percentage is not null || amount is { Count: > 0 } || cap is { Count: > 0 })
                    errors.Add("discount", "A free-shipping discount takes no percentage, amount or cap.");
                return new TemplateDiscount(TemplateRewardKind.FreeShipping, null, null, null);
            default:
                errors.Add("discount.type", "Discount type must be \"percentage\", \"fixedAmount\" or \"freeShipping\".");
                return null;
        }
    }

    private static void CheckPercentage(decimal? value, string field, bool required, ValidationErrors errors)
    {
        if (value is null)
        {
            if (required) errors.Add(field, "A percentage discount needs a percentage.");
        }
        else if (value is <= 0m or > 100m)
        {
            errors.Add(field, $"The percentage must be above 0 and at most 100; it is {value}.");
        }
    }

    private static TemplateCode? Code(CodeInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("code", "A code rule is required: mode \"fixed\" or \"prefix\" with a value.");
            return null;
        }

        var value = CodeValue(input.Value, "code.value", required: true, errors);
        switch (input.Mode?.Trim())
        {
            case "fixed":
                return value is null ? null : new TemplateCode(CodeMode.Fixed, value);
            case "prefix":
                var suffix = input.SuffixLength ?? 3;
                if (suffix is < 1 or > 8) errors.Add("code.suffixLength", $"The suffix length must be 1–8; it is {suffix}.");
                return value is null ? null : new TemplateCode(CodeMode.PrefixPerStore, value, suffix);
            default:
                errors.Add("code.mode", "Code mode must be \"fixed\" or \"prefix\".");
                return null;
        }
    }

    private static string? CodeValue(string? input, string field, bool required, ValidationErrors errors)
    {
        var value = input?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) errors.Add(field, "A code or prefix is required (letters and digits).");
            return null;
        }

        if (value.Length > CodeMaxLength || !CodeCharacters().IsMatch(value))
            errors.Add(field, $"A code or prefix is 1–{CodeMaxLength} letters A–Z, a–z and digits 0–9; '{value}' is not.");
        return value;
    }

    private static TemplateValidity? Validity(ValidityInput? input, ValidationErrors errors)
    {
        switch (input?.Type?.Trim())
        {
            case null when input is null:
                errors.Add("validity", "Validity is required: type \"absolute\" or \"relative\".");
                return null;
            case "absolute":
                var start = LocalTime(input!.Start, "validity.start", errors);
                var end = LocalTime(input.End, "validity.end", errors);
                if (start is null || end is null) return null;
                if (end <= start) errors.Add("validity.end", "The end must be after the start.");
                else if ((end.Value - start.Value).TotalDays > MaxDurationDays) errors.Add("validity.end", $"A template can run at most {MaxDurationDays} days.");
                return TemplateValidity.Absolute(start.Value, end.Value);
            case "relative":
                var after = input!.StartAfterHours ?? 0;
                if (after is < 0 or > MaxStartAfterHours)
                    errors.Add("validity.startAfterHours", $"Start after 0–{MaxStartAfterHours} hours from deploy; it is {after}.");
                if (input.DurationDays is not { } days)
                    errors.Add("validity.durationDays", "A relative validity needs durationDays.");
                else if (days is < 1 or > MaxDurationDays)
                    errors.Add("validity.durationDays", $"Duration must be 1–{MaxDurationDays} days; it is {days}.");
                return TemplateValidity.Relative(after, input.DurationDays ?? 1);
            default:
                errors.Add("validity.type", "Validity type must be \"absolute\" or \"relative\".");
                return null;
        }
    }

    private static DateTime? LocalTime(string? value, string field, ValidationErrors errors)
    {
        if (DateTime.TryParseExact(value?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        errors.Add(field, "Give a local date and time without an offset, as yyyy-MM-ddTHH:mm; each store reads it on its own clock.");
        return null;
    }

    private static TemplateScope Scope(ScopeInput? input, ValidationErrors errors)
    {
        switch (input?.Type?.Trim())
        {
            case null or "shop":
                if (input?.ProductIds is { Count: > 0 }) errors.Add("scope.productIds", "A shop-wide template lists no products; use type \"products\".");
                return TemplateScope.ShopWide;
            case "products":
                if (input.ProductIds is not { Count: > 0 })
                {
                    errors.Add("scope.productIds", "A product template needs product ids for at least one store.");
                    return TemplateScope.ShopWide;
                }

                var byStore = new Dictionary<StoreId, IReadOnlyList<string>>();
                foreach (var (store, ids) in input.ProductIds)
                {
                    var path = $"scope.productIds.{store}";
                    if (!StoreId.TryParse(store, out var storeId)) { errors.Add(path, IdFormat.Describe("A store id")); continue; }
                    if (ids is not { Count: > 0 } || ids.Count > MaxProductsPerStore)
                    {
                        errors.Add(path, $"List 1–{MaxProductsPerStore} product ids for this store.");
                        continue;
                    }

                    var clean = new List<string>(ids.Count);
                    for (var i = 0; i < ids.Count; i++)
                        clean.Add(TextRules.Check(ids[i], $"{path}[{i}]", "A product id", ProductIdMaxLength, required: true, errors) ?? "");
                    byStore[storeId] = clean;
                }

                return TemplateScope.Products(byStore);
            default:
                errors.Add("scope.type", "Scope type must be \"shop\" or \"products\".");
                return TemplateScope.ShopWide;
        }
    }

    private static IReadOnlyDictionary<Platform, PlatformOverride> Overrides(
        Dictionary<string, OverrideInput>? input, TemplateRewardKind? kind, ValidationErrors errors)
    {
        var result = new Dictionary<Platform, PlatformOverride>();
        if (input is null) return result;
        foreach (var (key, o) in input)
        {
            var path = $"overrides.{key}";
            if (!PlatformNames.TryParse(key, out var platform) || key.Trim() != platform.ToWire())
            {
                errors.Add(path, $"Overrides are keyed by platform: {string.Join(", ", PlatformNames.All)}.");
                continue;
            }

            if (o is null) { errors.Add(path, "An override needs at least one value."); continue; }
            if (o.Percentage is not null && kind != TemplateRewardKind.Percentage)
                errors.Add($"{path}.percentage", "Only a percentage template can override the percentage.");
            else CheckPercentage(o.Percentage, $"{path}.percentage", required: false, errors);
            if (o.Amount is not null && kind != TemplateRewardKind.FixedAmount)
                errors.Add($"{path}.amount", "Only a fixed-amount template can override the amount.");
            if (o.Cap is not null && kind != TemplateRewardKind.Percentage)
                errors.Add($"{path}.cap", "Only a percentage template can override the cap.");
            var quantity = Quantity(o.TotalQuantity, $"{path}.totalQuantity", required: false, errors);
            result[platform] = new PlatformOverride
            {
                DisplayNamePattern = Pattern(o.DisplayNamePattern, $"{path}.displayNamePattern", errors),
                Percentage = o.Percentage,
                Amount = Amounts(o.Amount, $"{path}.amount", allowZero: false, errors),
                Cap = Amounts(o.Cap, $"{path}.cap", allowZero: false, errors),
                MinSpend = Amounts(o.MinSpend, $"{path}.minSpend", allowZero: true, errors),
                TotalQuantity = quantity,
                PerBuyerLimit = PerBuyer(o.PerBuyerLimit, quantity, $"{path}.perBuyerLimit", errors),
                Visibility = Visibility(o.Visibility, $"{path}.visibility", errors),
                Code = CodeValue(o.Code, $"{path}.code", required: false, errors),
            };
        }

        return result;
    }
}
