using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Rules;

/// <summary>The terms the checks read: a draft as it is, or an existing coupon with a change applied.</summary>
internal sealed record CouponTerms
{
    public required string Name { get; init; }
    public string? Code { get; init; }
    public CouponScope Scope { get; init; }
    public RewardType Reward { get; init; }
    public decimal? DiscountAmount { get; init; }
    public decimal? Percentage { get; init; }
    public decimal? MaxDiscount { get; init; }
    public decimal MinSpend { get; init; }

    /// <summary>False for a synced coupon whose minimum spend the platform has not told us yet (<see cref="MinSpend"/> is then 0, not to be judged).</summary>
    public bool MinSpendKnown { get; init; } = true;

    /// <summary>False for a synced coupon whose cap the platform has not told us yet.</summary>
    public bool CapKnown { get; init; } = true;
    public int? TotalQuantity { get; init; }
    public int? PerBuyerLimit { get; init; }
    public DateTimeOffset? ClaimStart { get; init; }
    public DateTimeOffset ValidFrom { get; init; }
    public DateTimeOffset ValidTo { get; init; }
    public IReadOnlyList<string> ProductIds { get; init; } = [];

    /// <summary>A cap of 0 means "no cap" on Shopee (max_price 0), so both null and 0 read as uncapped.</summary>
    public decimal? Cap => MaxDiscount is > 0m ? MaxDiscount : null;

    public static CouponTerms From(CouponDraft d) => new()
    {
        Name = d.Name, Code = d.Code, Scope = d.Scope, Reward = d.Reward, DiscountAmount = d.DiscountAmount,
        Percentage = d.Percentage, MaxDiscount = d.MaxDiscount, MinSpend = d.MinSpend, TotalQuantity = d.TotalQuantity,
        PerBuyerLimit = d.PerBuyerLimit, ClaimStart = d.ClaimStart, ValidFrom = d.ValidFrom, ValidTo = d.ValidTo,
        ProductIds = d.ProductIds,
    };

    public static CouponTerms From(Coupon c) => new()
    {
        Name = c.Name, Code = c.Code, Scope = c.Scope, Reward = c.Reward, DiscountAmount = c.DiscountAmount,
        Percentage = c.Percentage, MaxDiscount = c.MaxDiscount, MinSpend = c.MinSpend ?? 0m, TotalQuantity = c.TotalQuantity,
        PerBuyerLimit = c.PerBuyerLimit, ClaimStart = c.ClaimStart, ValidFrom = c.ValidFrom, ValidTo = c.ValidTo,
        ProductIds = c.ProductIds, MinSpendKnown = c.IsMinSpendKnown, CapKnown = c.IsMaxDiscountKnown,
    };

    public CouponTerms With(CouponChange change) => this with
    {
        Name = change.Name ?? Name,
        TotalQuantity = change.TotalQuantity ?? TotalQuantity,
        ValidFrom = change.ValidFrom ?? ValidFrom,
        ValidTo = change.ValidTo ?? ValidTo,
        DiscountAmount = change.DiscountAmount ?? DiscountAmount,
        Percentage = change.Percentage ?? Percentage,
        MaxDiscount = change.MaxDiscount ?? MaxDiscount,
        MinSpend = change.MinSpend ?? MinSpend,
        MinSpendKnown = change.MinSpend is not null || MinSpendKnown,
        CapKnown = change.MaxDiscount is not null || CapKnown,
        PerBuyerLimit = change.PerBuyerLimit ?? PerBuyerLimit,
        ProductIds = change.ProductIds ?? ProductIds,
    };
}
