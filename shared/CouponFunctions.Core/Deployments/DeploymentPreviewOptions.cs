namespace CouponFunctions.Core.Deployments;

/// <summary>The preview's own numbers (our heuristics, not platform rules).</summary>
public sealed class DeploymentPreviewOptions
{
    public const string SectionName = "DeploymentPreview";

    /// <summary>A discount this deep (percent off, or fixed amount against the minimum spend) needs an acknowledgement.</summary>
    public decimal DeepDiscountPercent { get; set; } = 70m;

    /// <summary>A coupon that ends this soon after the deploy needs an acknowledgement.</summary>
    public TimeSpan EndsSoonWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The seed checklist's "leave a 24-hour buffer": advice when a coupon starts sooner than this after the deploy.</summary>
    public TimeSpan StartBuffer { get; set; } = TimeSpan.FromHours(24);
}
