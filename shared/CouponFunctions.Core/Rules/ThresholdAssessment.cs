namespace CouponFunctions.Core.Rules;

/// <summary>How a coupon's minimum spend sits against its discount.</summary>
public enum ThresholdVerdict
{
    Sensible,

    /// <summary>The threshold is too low for the discount: orders can come out nearly free.</summary>
    LossRisk,

    /// <summary>The threshold is so high against the discount that nobody will use the coupon.</summary>
    Unreachable,

    /// <summary>Not judged: a value the judgement needs (minimum spend, cap) is not known yet; <see cref="ThresholdAssessment.Reason"/> says which.</summary>
    NotJudged,
}

/// <summary>The verdict of <see cref="CouponRuleInspector.AssessThreshold(CouponFunctions.Core.Coupons.Coupon)"/>, with a finding to show when it is not sensible.</summary>
public sealed record ThresholdAssessment(ThresholdVerdict Verdict, RuleViolation? Finding, string? Reason = null)
{
    public static ThresholdAssessment Sensible { get; } = new(ThresholdVerdict.Sensible, null);

    public static ThresholdAssessment NotJudged(string reason) => new(ThresholdVerdict.NotJudged, null, reason);

    public bool IsSensible => Verdict == ThresholdVerdict.Sensible;
}
