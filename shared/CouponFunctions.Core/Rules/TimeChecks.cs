namespace CouponFunctions.Core.Rules;

/// <summary>Start, end, duration and claim-window rules (sources: the platform files that set the facts).</summary>
internal static class TimeChecks
{
    public static void Run(RuleCheckContext ctx)
    {
        if (!ctx.Touches(RuleFields.ValidFrom, RuleFields.ValidTo, RuleFields.ClaimStart)) return;
        var (r, t) = (ctx.Rules, ctx.Terms);
        var endField = ctx.Pick(RuleFields.ValidTo, RuleFields.ValidFrom);

        if (t.ValidTo <= t.ValidFrom)
        {
            ctx.Add(endField, RuleCodes.EndBeforeStart,
                $"The end must be after the start; it is {RuleText.Time(t.ValidTo, r.Site)} and the start is {RuleText.Time(t.ValidFrom, r.Site)}.");
            return;
        }

        if (ctx.Touches(RuleFields.ValidFrom) && r.MinLeadTime is { } lead) CheckStart(ctx, lead);

        if (ctx.Touches(RuleFields.ValidTo) && t.ValidTo <= ctx.Now)
            ctx.Add(RuleFields.ValidTo, RuleCodes.EndInPast,
                $"The end {RuleText.Time(t.ValidTo, r.Site)} has already passed (now is {RuleText.Time(ctx.Now, r.Site)}).");

        var duration = t.ValidTo - t.ValidFrom;
        if (duration < r.MinDuration)
            ctx.Add(endField, RuleCodes.TooShort,
                $"{r.Plural} must end at least {RuleText.Duration(r.MinDuration)} after they start; this one lasts {RuleText.Duration(duration)}.");

        if (r.MaxDuration is { } max && t.ValidTo > max.LatestEnd(t.ValidFrom))
            ctx.Add(endField, RuleCodes.TooLong,
                $"{r.Plural} can last at most {max}; this one ends {RuleText.Time(t.ValidTo, r.Site)}, after the latest allowed end {RuleText.Time(max.LatestEnd(t.ValidFrom), r.Site)}.");

        if (ctx.Touches(RuleFields.ClaimStart) && t.ClaimStart is { } claim && claim >= t.ValidTo)
            ctx.Add(RuleFields.ClaimStart, RuleCodes.ClaimAfterEnd,
                $"Claiming must open before the coupon ends; it opens {RuleText.Time(claim, r.Site)} and the coupon ends {RuleText.Time(t.ValidTo, r.Site)}.");
    }

    private static void CheckStart(RuleCheckContext ctx, TimeSpan lead)
    {
        var (r, start) = (ctx.Rules, ctx.Terms.ValidFrom);
        if (start < ctx.Now)
            ctx.Add(RuleFields.ValidFrom, RuleCodes.StartInPast,
                $"{r.Plural} cannot start in the past; this one starts {RuleText.Time(start, r.Site)}, {RuleText.Duration(ctx.Now - start)} before now.");
        else if (start < ctx.Now + lead)
            ctx.Add(RuleFields.ValidFrom, RuleCodes.StartTooSoon,
                $"{r.Plural} must start at least {RuleText.Duration(lead)} from now; this one starts in {RuleText.Duration(start - ctx.Now)}.");
    }
}
