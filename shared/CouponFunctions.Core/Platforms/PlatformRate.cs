namespace CouponFunctions.Core.Platforms;

/// <summary>The call rates a connector paces itself to: calls per second for the whole app and for one shop.</summary>
public readonly record struct PlatformRate(double AppQps, double ShopQps)
{
    /// <summary>
    /// How many shops calling at their shop limit reach the app limit (<c>ceil(app / shop)</c>, at least 1): fewer leave part
    /// of the app limit unused. Null when the rate states no usable limits.
    /// </summary>
    public int? ShopsToFillApp =>
        AppQps > 0 && ShopQps > 0 && !double.IsInfinity(AppQps) && !double.IsInfinity(ShopQps)
            ? Math.Max(1, (int)Math.Ceiling(Math.Round(AppQps / ShopQps, 9)))
            : null;
}
