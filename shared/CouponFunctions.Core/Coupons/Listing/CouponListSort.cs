namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>What the coupon list can be sorted by.</summary>
public enum CouponListSortField
{
    /// <summary>Lifecycle order: upcoming, ongoing, paused, ended, deactivated.</summary>
    Status,
    EndTime,
    Remaining,
    Claims,
    RedemptionRate,
}

/// <summary>The list's order: one field, either direction; ties by store id then coupon id, and missing values always last.</summary>
public readonly record struct CouponListSort(CouponListSortField Field, bool Descending)
{
    /// <summary>Soonest end first.</summary>
    public static CouponListSort Default { get; } = new(CouponListSortField.EndTime, Descending: false);

    /// <summary>The query-string form: the field name, with a leading '-' when descending.</summary>
    public override string ToString() => (Descending ? "-" : "") + CouponListNames.Of(Field);
}
