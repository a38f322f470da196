namespace CouponFunctions.Core.Platforms;

/// <summary>The call rates a connector paces itself to: calls per second for the whole app and for one shop.</summary>
public readonly record struct PlatformRate(double AppQps, double ShopQps);
