using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>Checks a new coupon, a change to an existing one, or an operation against the platform rule catalog.</summary>
public sealed class CouponRuleValidator(PlatformRuleCatalog catalog)
{
    public static CouponRuleValidator Default { get; } = new(PlatformRuleCatalog.Default);

    public PlatformRuleCatalog Catalog { get; } = catalog;

    /// <summary>Every rule a new coupon breaks on this platform and site; empty when the platform would accept it.</summary>
    public IReadOnlyList<RuleViolation> ValidateDraft(Platform platform, string site, CouponDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var rules = Catalog.For(platform, site);
        var violations = new List<RuleViolation>();
        if (rules.Capabilities.Check(CouponOperation.Create) is { Allowed: false, Reason: var reason })
            violations.Add(new RuleViolation(RuleFields.Coupon, RuleCodes.CreateUnsupported, reason!));

        var ctx = new RuleCheckContext(rules, CouponTerms.From(draft), RuleCheckContext.AllFields, isNew: true, now);
        RunAll(ctx);
        violations.AddRange(ctx.Violations);
        return violations;
    }

    /// <summary>Every rule a change to an existing coupon breaks: fields locked in its status, direction rules, then the
    /// platform facts for the fields it touches (never complaints about fields the change leaves alone).</summary>
    public IReadOnlyList<RuleViolation> ValidateChange(Platform platform, string site, Coupon current, CouponChange change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        if (current.Platform != platform)
            throw new ArgumentException($"The coupon is on {current.Platform}, not {platform}.", nameof(current));

        var rules = Catalog.For(platform, site);
        var touched = ChangeChecks.Touched(change);
        if (touched.Count == 0)
            return [new RuleViolation(RuleFields.Coupon, RuleCodes.ChangeEmpty, "The change sets no field; nothing would change.")];

        var violations = new List<RuleViolation>();
        ChangeChecks.Capability(rules, current, change, touched, violations);
        if (touched.Count == 0) return violations;
        ChangeChecks.Direction(rules, current, change, touched, violations);

        var ctx = new RuleCheckContext(rules, CouponTerms.From(current).With(change), touched, isNew: false, now);
        RunAll(ctx);
        violations.AddRange(ctx.Violations.Where(v => touched.Contains(v.Field)));
        return violations;
    }

    /// <summary>Whether the platform's API can end, delete or update this coupon in its status (create: use <see cref="ValidateDraft"/>).</summary>
    public IReadOnlyList<RuleViolation> ValidateOperation(Platform platform, Coupon current, CouponOperation operation)
    {
        ArgumentNullException.ThrowIfNull(current);
        var caps = PlatformCapabilities.For(platform);
        var check = caps.Check(operation, current.Status);
        if (check.Allowed) return [];
        var unsupported = caps.ReadOnlyReason is not null
            || (operation == CouponOperation.Delete && caps.DeleteRefusal is not null)
            || (operation == CouponOperation.Reactivate && caps.ReactivateRefusal is not null)
            || (operation == CouponOperation.Create && caps.CreateRefusal is not null);
        return [new RuleViolation(RuleFields.Coupon, unsupported ? RuleCodes.OperationUnsupported : RuleCodes.OperationNotAllowedInStatus, check.Reason!)];
    }

    private static void RunAll(RuleCheckContext ctx)
    {
        IdentityChecks.Run(ctx);
        DiscountChecks.Run(ctx);
        SpendChecks.Run(ctx);
        TimeChecks.Run(ctx);
    }
}
