using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Platforms;

/// <summary>A coupon to create on a platform, in the unified model (the connector maps it to the platform's fields).</summary>
public sealed record CouponDraft
{
    public required string Name { get; init; }

    /// <summary>The code to create; platforms that make their own (or none) ignore it.</summary>
    public string? Code { get; init; }

    public CouponScope Scope { get; init; } = CouponScope.Shop;

    public required RewardType Reward { get; init; }

    public decimal? DiscountAmount { get; init; }

    public decimal? Percentage { get; init; }

    public decimal? MaxDiscount { get; init; }

    public decimal MinSpend { get; init; }

    public required int TotalQuantity { get; init; }

    public int? PerBuyerLimit { get; init; }

    public DateTimeOffset? ClaimStart { get; init; }

    public required DateTimeOffset ValidFrom { get; init; }

    public required DateTimeOffset ValidTo { get; init; }

    public IReadOnlyList<string> ProductIds { get; init; } = [];
}

/// <summary>Changes to an existing coupon; null means "leave as it is".</summary>
public sealed record CouponChange
{
    public string? Name { get; init; }

    public int? TotalQuantity { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public decimal? DiscountAmount { get; init; }

    public decimal? Percentage { get; init; }

    public decimal? MaxDiscount { get; init; }

    public decimal? MinSpend { get; init; }

    public int? PerBuyerLimit { get; init; }

    public IReadOnlyList<string>? ProductIds { get; init; }

    /// <summary>The fields this change touches, for the capability check.</summary>
    public CouponField Fields =>
        (Name is null ? CouponField.None : CouponField.Name)
        | (TotalQuantity is null ? CouponField.None : CouponField.TotalQuantity)
        | (ValidFrom is null ? CouponField.None : CouponField.ValidFrom)
        | (ValidTo is null ? CouponField.None : CouponField.ValidTo)
        | (DiscountAmount is null && Percentage is null && MaxDiscount is null ? CouponField.None : CouponField.Discount)
        | (MinSpend is null ? CouponField.None : CouponField.MinSpend)
        | (PerBuyerLimit is null ? CouponField.None : CouponField.PerBuyerLimit)
        | (ProductIds is null ? CouponField.None : CouponField.Products);
}

/// <summary>The editable parts of a coupon, for capability checks.</summary>
[Flags]
public enum CouponField
{
    None = 0,
    Name = 1,
    TotalQuantity = 2,
    ValidFrom = 4,
    ValidTo = 8,
    Discount = 16,
    MinSpend = 32,
    PerBuyerLimit = 64,
    Products = 128,
}
