using CouponFunctions.Core.Inspections.Rules;
using CouponFunctions.Core.Rules;

namespace CouponFunctions.Core.Inspections;

/// <summary>Inspects one store's coupons against every inspection rule; pure and fast (100,000 coupons well under a second).</summary>
public sealed class CouponInspector(CouponRuleInspector ruleInspector)
{
    // Order is the order findings come out for a coupon: state first, then stock and time, then terms and performance.
    private static readonly IInspectionRule[] CouponRules =
    [
        new StartOverdueRule(), new PausedRule(), new EndedButActiveRule(),
        new StockOutRule(), new LowStockRule(), new ExpiringTodayRule(), new ExpiringSoonRule(),
        new DiscountOverCapRule(), new ThresholdRule(), new UsageRule(),
    ];

    private static readonly IStoreInspectionRule[] StoreRules = [new SyncHealthRule()];

    /// <summary>The inspector with the default rule catalog.</summary>
    public static CouponInspector Default { get; } = new(CouponRuleInspector.Default);

    /// <summary>Every finding for the store: store-level findings first, then each coupon's in the order given.</summary>
    /// <exception cref="TimeZoneNotFoundException">The store's time zone is not known on this machine.</exception>
    /// <exception cref="ArgumentException">The settings are out of range (see <see cref="InspectionSettings.Validate"/>).</exception>
    public IReadOnlyList<Finding> Inspect(StoreInspectionInput input, InspectionSettings settings) => Run(input, settings).Findings;

    /// <summary>The findings as <see cref="Inspect"/> gives them, with notes on what could not be judged and why.</summary>
    public InspectionOutcome Run(StoreInspectionInput input, InspectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (!errors.IsEmpty)
            throw new ArgumentException("Invalid inspection settings: " + string.Join(" ", errors.Values.SelectMany(m => m)), nameof(settings));

        var context = new InspectionContext(input, settings, ruleInspector);
        var findings = new List<Finding>();
        foreach (var rule in StoreRules) rule.Evaluate(context, findings);
        foreach (var coupon in input.Coupons)
        {
            foreach (var rule in CouponRules) rule.Evaluate(coupon, context, findings);
        }

        return new InspectionOutcome(findings, context.Notes());
    }
}

/// <summary>One store's findings, and notes such as rules that did not fire because a value they need is unknown.</summary>
public sealed record InspectionOutcome(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notes);
