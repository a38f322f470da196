using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopline;

/// <summary>Maps SHOPLINE price rules (with their discount codes) to the unified <see cref="Coupon"/> and drafts back.</summary>
internal static class ShoplinePriceRuleMapper
{
    public const string FixedAmount = "fixed_amount";
    public const string Percentage = "percentage";

    /// <summary>Where a price rule has no ends_at (it runs until stopped): a far date rather than a null the model has no room for.</summary>
    public static readonly DateTimeOffset OpenEnded = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <param name="codes">The rule's discount codes, or null when they were not read (code and usage then unknown).</param>
    public static Coupon ToCoupon(ShoplinePriceRule rule, IReadOnlyList<ShoplineDiscountCode>? codes, JsonElement raw, string site, DateTimeOffset now)
    {
        var start = rule.StartsAt ?? throw new JsonException("A price rule has no starts_at.");
        var end = rule.EndsAt ?? OpenEnded;
        var (status, rawStatus) = DeriveStatus(start, end, now);
        var percent = rule.ValueType == Percentage;
        var value = Math.Abs(rule.Value ?? 0);
        var ordered = codes?.OrderBy(c => c.Id?.Length ?? 0).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var fields = PlatformJson.Flatten(raw);
        if (ordered is not null) fields["discount_codes"] = string.Join(",", ordered.Select(c => c.Code));
        return new Coupon
        {
            Platform = Platform.Shopline,
            PlatformCouponId = rule.Id ?? throw new JsonException("A price rule has no id."),
            Code = ordered?.FirstOrDefault()?.Code,
            Name = rule.Title ?? string.Empty,
            Scope = rule.TargetSelection == "entitled" && rule.EntitledProductIds is { Length: > 0 } ? CouponScope.Product : CouponScope.Shop,
            Reward = percent ? RewardType.Percentage : RewardType.FixedAmount,
            DiscountAmount = percent ? null : value,
            Percentage = percent ? value : null,
            MinSpend = rule.PrerequisiteSubtotalRange?.GreaterThanOrEqualTo ?? 0,
            TotalQuantity = rule.UsageLimit is > 0 ? rule.UsageLimit : null,
            // Usage is counted per discount code; a rule's use is the sum over its codes. SHOPLINE has no claims.
            UsedCount = ordered?.Sum(c => c.UsageCount ?? 0),
            PerBuyerLimit = rule.OncePerCustomer == true ? 1 : null,
            ValidFrom = start,
            ValidTo = end,
            Currency = Sites.TryGet(site, out var known) ? known.Currency : "XXX",
            Status = status,
            RawStatus = rawStatus,
            ProductIds = rule.EntitledProductIds ?? [],
            PlatformFields = fields,
        };
    }

    /// <summary>Price rules have no status field: it is derived from starts_at/ends_at, with the names SHOPLINE's admin shows.</summary>
    public static (CouponStatus Status, string Raw) DeriveStatus(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) =>
        now < start ? (CouponStatus.Upcoming, "scheduled")
        : now < end ? (CouponStatus.Ongoing, "active")
        : (CouponStatus.Ended, "expired");

    public static ShoplinePriceRuleWrite FromDraft(CouponDraft draft) => new()
    {
        Title = draft.Name,
        ValueType = draft.Reward == RewardType.Percentage ? Percentage : FixedAmount,
        Value = Money(draft.Reward == RewardType.Percentage ? draft.Percentage : draft.DiscountAmount),
        AllocationMethod = "across",
        TargetType = "line_item",
        TargetSelection = draft.Scope == CouponScope.Product ? "entitled" : "all",
        CustomerSelection = "all",
        StartsAt = WholeSeconds(draft.ValidFrom),
        EndsAt = WholeSeconds(draft.ValidTo),
        UsageLimit = draft.TotalQuantity,
        OncePerCustomer = draft.PerBuyerLimit == 1,
        PrerequisiteSubtotalRange = draft.MinSpend > 0 ? new ShoplineRangeWrite(Money(draft.MinSpend)!) : null,
        EntitledProductIds = draft.Scope == CouponScope.Product ? [.. draft.ProductIds] : null,
    };

    public static string? Money(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset WholeSeconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());
}
