namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>Which stock filter the list applies.</summary>
public enum StockFilter
{
    /// <summary>Limited quantity with nothing left.</summary>
    Out,

    /// <summary>Something left, but at or under the tenant's low-stock threshold.</summary>
    Low,
}

/// <summary>A tenant's low-stock threshold: a coupon is low when what remains is at most either limit (and more than zero).</summary>
/// <param name="Percent">Percent of the total quantity, 0–100.</param>
/// <param name="Absolute">A number of coupons, 0 or more.</param>
public sealed record LowStockThreshold(int Percent, int Absolute)
{
    public static LowStockThreshold Default { get; } = new(Percent: 10, Absolute: 0);

    public int Percent { get; } = Percent is >= 0 and <= 100
        ? Percent
        : throw new ArgumentOutOfRangeException(nameof(Percent), Percent, "A low-stock percent is 0–100.");

    public int Absolute { get; } = Absolute >= 0
        ? Absolute
        : throw new ArgumentOutOfRangeException(nameof(Absolute), Absolute, "A low-stock count is 0 or more.");

    public bool IsLow(int remaining, int total) =>
        remaining > 0 && (remaining <= Absolute || (long)remaining * 100 <= (long)total * Percent);
}
