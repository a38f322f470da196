using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Templates;

/// <summary>Turns <see cref="TemplateInput"/> into a <see cref="TemplateDefinition"/>, or names every bad field in the
/// request's camelCase paths ("discount.percentage", "overrides.lazada.minSpend.PHP", "scope.productIds.s-1[2]").
/// Platform rules are not checked here: they differ per store and are the preview's job.</summary>
public static partial class TemplateValidator
{
    public const int NameMaxLength = 100;
    public const int PatternMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int CampaignTextMaxLength = 100;
    public const int UrlMaxLength = 2048;
    public const int CodeMaxLength = 32;
    public const int MaxQuantity = 10_000_000;
    public const int MaxStartAfterHours = 24 * 30;
    public const int MaxDurationDays = 366;
    public const int MaxProductsPerStore = 1000;
    public const int ProductIdMaxLength = 64;

    public static Result<TemplateDefinition> Validate(TemplateInput? input)
    {
        var errors = new ValidationErrors();
        if (input is null) return errors.Add("body", "A template is required.");

        var name = TextRules.Check(input.Name, "name", "Name", NameMaxLength, required: true, errors);
        var pattern = Pattern(input.DisplayNamePattern, "displayNamePattern", errors) ?? "{name}";
        var description = TextRules.Check(input.Description, "description", "Description", DescriptionMaxLength, required: false, errors, multiline: true);
        var campaign = Campaign(input.Campaign, errors);
        var discount = Discount(input.Discount, errors);
        var minSpend = Amounts(input.MinSpend, "minSpend", allowZero: true, errors);
        var quantity = Quantity(input.TotalQuantity, "totalQuantity", required: true, errors);
        var perBuyer = PerBuyer(input.PerBuyerLimit, quantity, "perBuyerLimit", errors);
        var code = Code(input.Code, errors);
        var visibility = Visibility(input.Visibility, "visibility", errors) ?? CouponVisibility.Public;
        var validity = Validity(input.Validity, errors);
        var scope = Scope(input.Scope, errors);
        var overrides = Overrides(input.Overrides, discount?.Kind, errors);

        if (!errors.IsEmpty) return errors;
        return Result<TemplateDefinition>.Ok(new TemplateDefinition
        {
            Name = name!,
            DisplayNamePattern = pattern,
            Description = description,
            Campaign = campaign,
            Discount = discount!,
            MinSpend = minSpend ?? new Dictionary<string, decimal>(),
            TotalQuantity = quantity!.Value,
            PerBuyerLimit = perBuyer,
            Code = code!,
            Visibility = visibility,
            Validity = validity!,
            Scope = scope,
            Overrides = overrides,
        });
    }

    private static string? Pattern(string? value, string field, ValidationErrors errors)
    {
        var pattern = TextRules.Check(value, field, "Display-name pattern", PatternMaxLength, required: false, errors);
        if (pattern is null) return null;
        var unknown = DisplayNamePattern.UnknownTokens(pattern, out var unbalanced);
        if (unknown.Count > 0)
            errors.Add(field, $"Unknown token {string.Join(", ", unknown.Select(t => "{" + t + "}"))}; use {string.Join(", ", DisplayNamePattern.Tokens.Select(t => "{" + t + "}"))}.");
        else if (unbalanced)
            errors.Add(field, "A brace is not paired; tokens are written {name}.");
        return pattern;
    }

    private static CampaignInfo? Campaign(CampaignInput? input, ValidationErrors errors)
    {
        if (input is null) return null;
        var name = TextRules.Check(input.Name, "campaign.name", "Campaign name", CampaignTextMaxLength, required: true, errors);
        if (name is not null && CampaignInfo.TagOf(name).Length == 0)
            errors.Add("campaign.name", "Campaign name needs at least one letter or digit.");
        var channel = TextRules.Check(input.Channel, "campaign.channel", "Channel", CampaignTextMaxLength, required: false, errors);
        var url = TextRules.Check(input.DealUrl, "campaign.dealUrl", "Deal link", UrlMaxLength, required: false, errors);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            errors.Add("campaign.dealUrl", "Deal link must be an absolute http or https URL.");
        return name is null ? null : new CampaignInfo(name, channel, url);
    }

    private static int? Quantity(int? value, string field, bool required, ValidationErrors errors)
    {
        if (value is null)
        {
            if (required) errors.Add(field, "Total quantity is required.");
            return null;
        }

        if (value is < 1 or > MaxQuantity) errors.Add(field, $"Total quantity must be 1–{MaxQuantity:N0}; it is {value}.");
        return value;
    }

    private static int? PerBuyer(int? value, int? quantity, string field, ValidationErrors errors)
    {
        if (value is null) return null;
        if (value < 1) errors.Add(field, $"The per-buyer limit must be at least 1; it is {value}.");
        else if (quantity is { } total && value > total) errors.Add(field, $"The per-buyer limit ({value}) cannot be above the total quantity ({total}).");
        return value;
    }

    private static CouponVisibility? Visibility(string? value, string field, ValidationErrors errors)
    {
        switch (value?.Trim())
        {
            case null: return null;
            case "public": return CouponVisibility.Public;
            case "codeOnly": return CouponVisibility.CodeOnly;
            default: errors.Add(field, "Visibility must be \"public\" (claimable in the shop) or \"codeOnly\"."); return null;
        }
    }

    /// <summary>A map of currency code to amount; keys must be currencies of the sites we know, amounts above zero (or zero if allowed).</summary>
    internal static IReadOnlyDictionary<string, decimal>? Amounts(Dictionary<string, decimal>? input, string field, bool allowZero, ValidationErrors errors)
    {
        if (input is null) return null;
        var known = Sites.Known.Select(s => s.Currency).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (currency, amount) in input)
        {
            var path = $"{field}.{currency}";
            if (!known.Contains(currency.Trim()))
                errors.Add(path, $"'{currency}' is not a currency of a site we know ({string.Join(", ", known.Order())}).");
            else if (amount < 0m || (!allowZero && amount == 0m) || amount > 1_000_000_000m)
                errors.Add(path, allowZero ? "The amount must be zero or more." : "The amount must be above zero.");
            else
                result[currency.Trim().ToUpperInvariant()] = amount;
        }

        return result;
    }
}
