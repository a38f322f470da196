namespace CouponFunctions.Core.Rules;

/// <summary>What one validation run looks at: the rules, the terms, which fields the caller set, and the clock.</summary>
internal sealed class RuleCheckContext(PlatformRules rules, CouponTerms terms, IReadOnlySet<string> touched, bool isNew, DateTimeOffset now)
{
    public static readonly IReadOnlySet<string> AllFields = new HashSet<string>
    {
        RuleFields.Name, RuleFields.Code, RuleFields.Scope, RuleFields.Reward, RuleFields.DiscountAmount,
        RuleFields.Percentage, RuleFields.MaxDiscount, RuleFields.MinSpend, RuleFields.TotalQuantity,
        RuleFields.PerBuyerLimit, RuleFields.ClaimStart, RuleFields.ValidFrom, RuleFields.ValidTo, RuleFields.ProductIds,
    };

    private readonly List<RuleViolation> _violations = [];

    public PlatformRules Rules { get; } = rules;

    public CouponTerms Terms { get; } = terms;

    /// <summary>True for a new coupon (draft); false for a change to an existing one.</summary>
    public bool IsNew { get; } = isNew;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<RuleViolation> Violations => _violations;

    public bool Touches(params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
            if (touched.Contains(field)) return true;
        return false;
    }

    /// <summary>The first of <paramref name="fields"/> the caller set, so a rule between two fields names the one that changed.</summary>
    public string Pick(params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
            if (touched.Contains(field)) return field;
        return fields[0];
    }

    public void Add(string field, string code, string message) => _violations.Add(new RuleViolation(field, code, message));
}
