namespace CouponFunctions.Core.Sends.Running;

/// <summary>
/// The coupon quantity a send may still hand out: the remaining quantity when the send started, less the customers already
/// given it (one unit per customer, whether they get an email, an SMS or both). A wave takes what it needs before
/// messaging; recipients beyond the allocation fail with insufficient quantity
/// instead of being sent a coupon that has run out. Stored with the send and updated with an ETag, so concurrent waves
/// cannot both take the last units.
/// </summary>
/// <param name="Limit">Remaining quantity at the start; null where the platform sets no limit.</param>
public sealed record QuantityAllocation(int? Limit, int Allocated)
{
    public static QuantityAllocation Start(int? remaining) => new(remaining, 0);

    public int? Left => Limit is { } limit ? Math.Max(0, limit - Allocated) : null;

    /// <summary>Up to <paramref name="wanted"/> units: the granted count and the allocation after it.</summary>
    public (int Granted, QuantityAllocation After) Take(int wanted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wanted);
        var granted = Left is { } left ? Math.Min(left, wanted) : wanted;
        return (granted, this with { Allocated = Allocated + granted });
    }

    /// <summary>Units taken for messages that then failed go back, so later recipients can have them.</summary>
    public QuantityAllocation Return(int units) => this with { Allocated = Math.Max(0, Allocated - units) };
}
