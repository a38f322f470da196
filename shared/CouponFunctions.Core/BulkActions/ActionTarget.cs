using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.BulkActions;

/// <summary>
/// What a bulk-action item must leave on the platform, resolved when the job was planned: relative asks are absolute here
/// (renew by 7 days → the end time computed from the coupon's end at planning; replenish by 100 → the total quantity).
/// The activity applies "set to target", so running it twice changes nothing the second time and a crash never applies a
/// relative change twice.
/// </summary>
/// <param name="Operation">Update (with <paramref name="Change"/>), End, Delete, Reactivate, or Create (a clone, with <paramref name="Draft"/>).</param>
/// <param name="Draft">For a clone: the new coupon as the platform's create receives it, every time absolute.</param>
public sealed record ActionTarget(CouponOperation Operation, CouponChange? Change, CouponDraft? Draft = null)
{
    /// <summary>The target of a verdict that will change the coupon; null for any other verdict (nothing to apply).</summary>
    public static ActionTarget? Of(CouponActionVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict is not { Decision: ActionDecision.WillChange, Operation: { } operation }) return null;
        if (operation == CouponOperation.Create) return verdict.CloneDraft is { } draft ? new ActionTarget(operation, null, draft) : null;
        return new ActionTarget(operation, operation == CouponOperation.Update ? verdict.Change : null);
    }

    /// <summary>
    /// What is still to be done on the coupon as the platform shows it now: the fields of an update that differ from the
    /// target (null when every one is already there), an end unless it has ended, a re-activation while it is still paused,
    /// a delete unless it is gone
    /// (<paramref name="current"/> null: the platform no longer has it).
    /// </summary>
    public ActionTarget? Remaining(Coupon? current)
    {
        if (current is null) return Operation == CouponOperation.Delete ? null : this;
        switch (Operation)
        {
            case CouponOperation.End:
                return current.Status is CouponStatus.Ended or CouponStatus.Deactivated ? null : this;
            case CouponOperation.Delete:
                return this;
            case CouponOperation.Reactivate:
                return current.Status == CouponStatus.Paused ? this : null;
            case CouponOperation.Update when Change is { } c:
                var left = new CouponChange
                {
                    Name = c.Name is { } name && name != current.Name ? name : null,
                    TotalQuantity = c.TotalQuantity is { } q && q != current.TotalQuantity ? q : null,
                    ValidFrom = c.ValidFrom is { } from && from != current.ValidFrom ? from : null,
                    ValidTo = c.ValidTo is { } to && to != current.ValidTo ? to : null,
                    DiscountAmount = c.DiscountAmount is { } a && a != current.DiscountAmount ? a : null,
                    Percentage = c.Percentage is { } p && p != current.Percentage ? p : null,
                    MaxDiscount = c.MaxDiscount is { } cap && cap != current.MaxDiscount ? cap : null,
                    MinSpend = c.MinSpend is { } spend && spend != current.MinSpend ? spend : null,
                    PerBuyerLimit = c.PerBuyerLimit is { } limit && limit != current.PerBuyerLimit ? limit : null,
                    ProductIds = c.ProductIds is { } ids && !current.ProductIds.SequenceEqual(ids) ? ids : null,
                };
                return left.Fields == CouponField.None ? null : this with { Change = left };
            default:
                return this;
        }
    }
}
