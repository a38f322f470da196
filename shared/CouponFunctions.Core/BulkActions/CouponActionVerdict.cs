using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.BulkActions;

/// <summary>What a bulk action will do to one coupon, decided before any call.</summary>
public enum ActionDecision
{
    WillChange,

    /// <summary>Already as asked (already ended, already that quantity): the item is skipped.</summary>
    NothingToDo,

    /// <summary>The platform's API or edit rules do not allow it: the item fails with <see cref="Jobs.ItemReasons.RuleViolation"/>
    /// or <see cref="Jobs.ItemReasons.NotSupported"/> without a call.</summary>
    Refused,
}

/// <summary>One field as it is and as it will be, in the words and units the operator reads ("SGD 50.00", local times).</summary>
public sealed record FieldChange(string Field, string? Before, string After);

/// <summary>The per-coupon answer of <c>POST /api/coupons/actions/preview</c>, and the plan the activity executes.</summary>
public sealed record CouponActionVerdict
{
    public required StoreId StoreId { get; init; }
    public required string PlatformCouponId { get; init; }
    public required string CouponName { get; init; }
    public required Platform Platform { get; init; }

    /// <summary>"renew", "endNow"… (<see cref="BulkActionRequest.Action"/>).</summary>
    public required string Action { get; init; }
    public required ActionDecision Decision { get; init; }

    /// <summary>The platform call to make: Update (with <see cref="Change"/>), End, Delete, or Create (with <see cref="CloneDraft"/>).</summary>
    public CouponOperation? Operation { get; init; }
    public CouponChange? Change { get; init; }
    public CouponDraft? CloneDraft { get; init; }
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>What cannot be done and why, in plain words (empty unless refused).</summary>
    public IReadOnlyList<RuleViolation> Refusals { get; init; } = [];

    /// <summary>Anything else the operator should know ("Shopee cannot end an upcoming voucher; it will be deleted instead").</summary>
    public string? Note { get; init; }

    /// <summary>True when the refusal is the platform's API itself (read-only, no delete): "not supported" rather than a rule.</summary>
    public bool Unsupported => Refusals.Any(r => r.Code is RuleCodes.OperationUnsupported or RuleCodes.CreateUnsupported
        || (r.Code == RuleCodes.ChangeNotEditable && PlatformCapabilities.For(Platform).ReadOnlyReason is not null));
}

/// <summary>Counts per decision over a preview.</summary>
public sealed record ActionPreviewSummary(int WillChange, int NothingToDo, int Refused)
{
    public static ActionPreviewSummary Of(IEnumerable<CouponActionVerdict> verdicts)
    {
        var list = verdicts.ToList();
        return new(list.Count(v => v.Decision == ActionDecision.WillChange), list.Count(v => v.Decision == ActionDecision.NothingToDo),
            list.Count(v => v.Decision == ActionDecision.Refused));
    }
}

/// <summary>The stable codes of refusals the planner adds to <see cref="RuleCodes"/>.</summary>
public static class ActionCodes
{
    public const string StoreNeedsReauthorization = Deployments.PreviewCodes.StoreNeedsReauthorization;
    public const string RenewEarlier = "action.renew_earlier";
    public const string QuantityUnlimited = "action.quantity_unlimited";
    public const string ValueUnknown = "action.value_unknown";
    public const string RewardMismatch = "action.reward_mismatch";
}
