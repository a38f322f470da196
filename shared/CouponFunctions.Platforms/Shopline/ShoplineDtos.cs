using System.Text.Json.Serialization;

namespace CouponFunctions.Platforms.Shopline;

// SHOPLINE Admin REST payloads (snake_case through PlatformJson.SnakeCase; the OAuth answers are camelCase). They never
// leave this folder. Ids are strings of 19 digits; money and percentages are decimal strings.

/// <summary>A price rule as GET/POST/PUT price_rules return it (Shopify-like; the full field list is UNCERTAIN).</summary>
internal sealed record ShoplinePriceRule
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    /// <summary>fixed_amount | percentage.</summary>
    public string? ValueType { get; init; }

    /// <summary>The discount; sources disagree on its sign (Shopify writes "-10.0"), so it is read as a magnitude.</summary>
    public decimal? Value { get; init; }

    public string? TargetSelection { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public int? UsageLimit { get; init; }

    public bool? OncePerCustomer { get; init; }

    public ShoplineRange? PrerequisiteSubtotalRange { get; init; }

    public string[]? EntitledProductIds { get; init; }
}

internal sealed record ShoplineRange(decimal? GreaterThanOrEqualTo);

/// <summary>A discount code of a price rule, with how often it was used.</summary>
internal sealed record ShoplineDiscountCode(string? Id, string? Code, string? PriceRuleId, int? UsageCount);

/// <summary>The price_rule object of a create or update: only the fields being set are sent.</summary>
internal sealed record ShoplinePriceRuleWrite
{
    public string? Title { get; init; }

    public string? ValueType { get; init; }

    public string? Value { get; init; }

    public string? AllocationMethod { get; init; }

    public string? TargetType { get; init; }

    public string? TargetSelection { get; init; }

    public string? CustomerSelection { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public int? UsageLimit { get; init; }

    public bool? OncePerCustomer { get; init; }

    public ShoplineRangeWrite? PrerequisiteSubtotalRange { get; init; }

    public string[]? EntitledProductIds { get; init; }
}

internal sealed record ShoplineRangeWrite(string GreaterThanOrEqualTo);

internal sealed record ShoplinePriceRuleBody(ShoplinePriceRuleWrite PriceRule);

internal sealed record ShoplineDiscountCodeBody(ShoplineDiscountCodeWrite DiscountCode);

internal sealed record ShoplineDiscountCodeWrite(string Code);

/// <summary>The data of /admin/oauth/token/create and /refresh (camelCase): the token and its absolute expiry.</summary>
internal sealed record ShoplineTokenData(
    [property: JsonPropertyName("accessToken")] string? AccessToken,
    [property: JsonPropertyName("expireTime")] string? ExpireTime,
    [property: JsonPropertyName("scope")] string? Scope);
