namespace CouponFunctions.Core.Templates;

/// <summary>Values one platform gets instead of the template's (null = keep the template's), e.g. a lower percentage where a
/// site caps discounts, or a shorter code where codes are short.</summary>
public sealed record PlatformOverride
{
    public string? DisplayNamePattern { get; init; }

    public decimal? Percentage { get; init; }

    public IReadOnlyDictionary<string, decimal>? Amount { get; init; }

    public IReadOnlyDictionary<string, decimal>? Cap { get; init; }

    public IReadOnlyDictionary<string, decimal>? MinSpend { get; init; }

    public int? TotalQuantity { get; init; }

    public int? PerBuyerLimit { get; init; }

    public CouponVisibility? Visibility { get; init; }

    /// <summary>The fixed code or prefix this platform uses instead of the template's.</summary>
    public string? Code { get; init; }

    public TemplateDefinition ApplyTo(TemplateDefinition t) => t with
    {
        DisplayNamePattern = DisplayNamePattern ?? t.DisplayNamePattern,
        Discount = t.Discount with
        {
            Percentage = Percentage ?? t.Discount.Percentage,
            Amount = Amount ?? t.Discount.Amount,
            Cap = Cap ?? t.Discount.Cap,
        },
        MinSpend = MinSpend ?? t.MinSpend,
        TotalQuantity = TotalQuantity ?? t.TotalQuantity,
        PerBuyerLimit = PerBuyerLimit ?? t.PerBuyerLimit,
        Visibility = Visibility ?? t.Visibility,
        Code = Code is null ? t.Code : t.Code with { Value = Code },
    };
}
