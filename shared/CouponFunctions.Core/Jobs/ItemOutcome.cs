using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;

namespace CouponFunctions.Core.Jobs;

/// <summary>The stable reason codes of failed, skipped and cancelled items; the failure report and clients use them.</summary>
public static class ItemReasons
{
    public const string RuleViolation = "rule_violation";
    public const string PlatformError = "platform_error";
    public const string NotSupported = "not_supported";
    public const string NeedsReauthorization = "needs_reauthorization";
    public const string Cancelled = "cancelled";
    public const string NothingToDo = "nothing_to_do";

    /// <summary>More than one coupon in the store could be the one a crashed attempt created: a person must look.</summary>
    public const string AmbiguousAdoption = "ambiguous_adoption";
}

/// <summary>How one item ended: the coupon created or changed, or a reason with the platform's details.</summary>
public sealed record ItemOutcome
{
    public required JobItemState State { get; init; }

    /// <summary>The coupon created, adopted or changed.</summary>
    public string? CouponId { get; init; }

    /// <summary>True when a retry found the coupon an earlier attempt had created, instead of creating another.</summary>
    public bool Adopted { get; init; }

    /// <summary>One of <see cref="ItemReasons"/>; null on success.</summary>
    public string? ReasonCode { get; init; }

    public string? Message { get; init; }

    /// <summary>For <see cref="ItemReasons.RuleViolation"/>: the first broken rule's code (<see cref="RuleCodes"/>, e.g. discount.over_site_cap).</summary>
    public string? RuleCode { get; init; }

    public string? PlatformCode { get; init; }

    public string? RequestId { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>The request URL with every secret replaced (see <see cref="UrlRedaction"/>).</summary>
    public string? RequestUrl { get; init; }

    public static ItemOutcome Created(string couponId, bool adopted = false) =>
        new() { State = JobItemState.Succeeded, CouponId = couponId, Adopted = adopted };

    public static ItemOutcome Changed(string couponId) => new() { State = JobItemState.Succeeded, CouponId = couponId };

    public static ItemOutcome Cancelled() =>
        new() { State = JobItemState.Cancelled, ReasonCode = ItemReasons.Cancelled, Message = "Cancelled before it started." };

    public static ItemOutcome NothingToDo(string message) =>
        new() { State = JobItemState.Skipped, ReasonCode = ItemReasons.NothingToDo, Message = message };

    public static ItemOutcome NotSupported(string message) =>
        new() { State = JobItemState.Failed, ReasonCode = ItemReasons.NotSupported, Message = message };

    public static ItemOutcome NeedsReauthorization(string message) =>
        new() { State = JobItemState.Failed, ReasonCode = ItemReasons.NeedsReauthorization, Message = message };

    public static ItemOutcome Ambiguous(string message) =>
        new() { State = JobItemState.Failed, ReasonCode = ItemReasons.AmbiguousAdoption, Message = message };

    /// <summary>A rule broken (from the preview re-check or the validator): every violation in one message, the first code kept.</summary>
    public static ItemOutcome RuleViolations(IReadOnlyCollection<RuleViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count == 0) throw new ArgumentException("At least one violation.", nameof(violations));
        return new()
        {
            State = JobItemState.Failed, ReasonCode = ItemReasons.RuleViolation,
            RuleCode = violations.First().Code, Message = string.Join(" ", violations.Select(v => v.Message)),
        };
    }

    /// <summary>A failed platform call: token trouble reads as "needs re-authorization", a capability refusal as "not supported",
    /// anything else as a platform error with its code, message, request id and redacted URL.</summary>
    public static ItemOutcome FromPlatformError(PlatformError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = error.Kind switch
        {
            PlatformErrorKind.Unauthorized => ItemReasons.NeedsReauthorization,
            PlatformErrorKind.NotSupported => ItemReasons.NotSupported,
            _ => ItemReasons.PlatformError,
        };
        return new()
        {
            State = JobItemState.Failed,
            ReasonCode = reason,
            Message = error.Message,
            PlatformCode = error.Code,
            RequestId = error.RequestId,
            HttpStatus = error.HttpStatus,
            RequestUrl = UrlRedaction.Redact(error.RequestUrl),
        };
    }
}
