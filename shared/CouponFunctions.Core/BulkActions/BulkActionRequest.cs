using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.BulkActions;

/// <summary>What a bulk action does to each selected coupon.</summary>
public enum BulkActionKind
{
    /// <summary>Move the end later: by <see cref="BulkActionRequest.ExtendDays"/> or to the end of <see cref="BulkActionRequest.EndDate"/> (store-local).</summary>
    Renew,

    /// <summary>Raise the quantity: by <see cref="BulkActionRequest.AddQuantity"/> or to <see cref="BulkActionRequest.SetQuantity"/>.</summary>
    Replenish,
    EndNow,
    Delete,

    /// <summary>Stop it being used at once (misuse): end it, or delete it where an upcoming coupon cannot be ended.</summary>
    Deactivate,

    /// <summary>Change name, minimum spend or discount, within what the coupon's platform lets change in its status.</summary>
    Modify,

    /// <summary>A new coupon of the same kind, for one that cannot be extended.</summary>
    CloneAsNew,

    /// <summary>Resume a paused coupon, where its platform's API can (the inverse of <see cref="Deactivate"/> for a pause).</summary>
    Reactivate,
}

/// <summary>One coupon of one store, as a selection names it.</summary>
public sealed record CouponRef(StoreId StoreId, string PlatformCouponId);

/// <summary>A validated bulk action (see <see cref="BulkActionInput"/>); only the fields of its kind are set.</summary>
public sealed record BulkActionRequest
{
    public required BulkActionKind Kind { get; init; }

    public int? ExtendDays { get; init; }

    /// <summary>The new last day, read on each store's own clock: the coupon ends at 23:59:59 local that day.</summary>
    public DateOnly? EndDate { get; init; }

    public int? AddQuantity { get; init; }

    public int? SetQuantity { get; init; }

    public string? Name { get; init; }

    public decimal? MinSpend { get; init; }

    public decimal? Percentage { get; init; }

    public decimal? DiscountAmount { get; init; }

    public decimal? MaxDiscount { get; init; }

    /// <summary>Clone: hours after the action runs that the new coupon starts (default 0: at once).</summary>
    public int? StartAfterHours { get; init; }

    /// <summary>Clone: the first day of the new coupon, read on each store's own clock (it starts at local midnight, or at
    /// once when that is today). Instead of <see cref="StartAfterHours"/>.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Clone: days the new coupon runs (default: as long as the original did). Instead of <see cref="EndDate"/>,
    /// which for a clone is its last day on the store's clock.</summary>
    public int? DurationDays { get; init; }

    /// <summary>Clone: the new coupon's code (default: the original's).</summary>
    public string? Code { get; init; }

    /// <summary>Clone: letters and digits added to each original's code (so a bulk clone gives every coupon its own new code).</summary>
    public string? CodeSuffix { get; init; }

    /// <summary>Clone: the new coupon's total quantity (default: the original's).</summary>
    public int? TotalQuantity { get; init; }

    public static IReadOnlyDictionary<BulkActionKind, string> WireNames { get; } = new Dictionary<BulkActionKind, string>
    {
        [BulkActionKind.Renew] = "renew",
        [BulkActionKind.Replenish] = "replenish",
        [BulkActionKind.EndNow] = "endNow",
        [BulkActionKind.Delete] = "delete",
        [BulkActionKind.Deactivate] = "deactivate",
        [BulkActionKind.Modify] = "modify",
        [BulkActionKind.CloneAsNew] = "cloneAsNew",
        [BulkActionKind.Reactivate] = "reactivate",
    };

    /// <summary>The kind as the API and item rows name it ("renew", "endNow"…).</summary>
    public string Action => WireNames[Kind];
}
