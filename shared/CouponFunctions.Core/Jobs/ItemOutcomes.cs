using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Rules;

namespace CouponFunctions.Core.Jobs;

/// <summary>The outcome of an item decided before any platform call, from the same checks the preview showed; an activity
/// records it and makes no call. Null means "go ahead".</summary>
public static class ItemOutcomes
{
    /// <summary>For a deploy item after the re-check: blocked, or warnings the operator did not acknowledge, fail the item.</summary>
    public static ItemOutcome? BeforeCreate(StorePreview recheck, bool warningsAcknowledged)
    {
        ArgumentNullException.ThrowIfNull(recheck);
        if (recheck.CanDeploy(warningsAcknowledged)) return null;
        var blocking = recheck.Blocking.ToList();
        if (blocking.Count == 0)
            return ItemOutcome.RuleViolations([.. recheck.Warnings.Select(w => new RuleViolation(w.Field, w.Code, w.Message))]) with
            {
                Message = "Warnings were not acknowledged: " + string.Join(" ", recheck.Warnings.Select(w => w.Message)),
            };
        if (blocking.Any(i => i.Code == PreviewCodes.StoreNeedsReauthorization))
            return ItemOutcome.NeedsReauthorization(blocking.First(i => i.Code == PreviewCodes.StoreNeedsReauthorization).Message);
        if (blocking.Any(i => i.Code == RuleCodes.CreateUnsupported))
            return ItemOutcome.NotSupported(blocking.First(i => i.Code == RuleCodes.CreateUnsupported).Message);
        return ItemOutcome.RuleViolations([.. blocking.Select(i => new RuleViolation(i.Field, i.Code, i.Message))]);
    }

    /// <summary>For a bulk-action item: nothing to do → skipped; refused → not supported, needs re-authorization or a rule violation.</summary>
    public static ItemOutcome? BeforeAction(CouponActionVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Decision switch
        {
            ActionDecision.WillChange => null,
            ActionDecision.NothingToDo => ItemOutcome.NothingToDo(verdict.Note ?? "Nothing to change."),
            _ when verdict.Refusals.Any(r => r.Code == ActionCodes.StoreNeedsReauthorization) =>
                ItemOutcome.NeedsReauthorization(verdict.Refusals[0].Message),
            _ when verdict.Unsupported => ItemOutcome.NotSupported(string.Join(" ", verdict.Refusals.Select(r => r.Message))),
            _ => ItemOutcome.RuleViolations(verdict.Refusals),
        };
    }
}
