using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Attention;

/// <summary>What kind of thing needs the operator; the order of the values is the order of urgency in the view.</summary>
public enum AttentionKind
{
    /// <summary>The platform refused the store's token: nothing syncs until the seller authorizes again.</summary>
    StoreNeedsReauthorization,

    /// <summary>The store's last syncs failed: its coupons are stale.</summary>
    StoreSyncFailing,

    /// <summary>An open critical finding (stock out on a running coupon, over the cap, free orders...).</summary>
    CriticalFinding,

    /// <summary>A job (deployment, bulk action) finished with failed items.</summary>
    JobFailed,

    /// <summary>A coupon send to a segment with failed messages.</summary>
    SendFailed,

    /// <summary>A running coupon that ends today in its store's time zone.</summary>
    CouponEndingToday,
}

/// <summary>One line of the attention view: what, where, since when, and the page route where it is dealt with.</summary>
/// <param name="Key">Stable across requests (the finding key for findings), so the page can keep its place.</param>
/// <param name="At">When it started or happens (the failure, the finding's first run, the coupon's end).</param>
/// <param name="Link">The admin page route where it is dealt with (<c>#/stores?store=s-1</c>, <c>#/jobs/job-1</c>); null when there is none.</param>
public sealed record AttentionItem(
    AttentionKind Kind,
    string Key,
    StoreId? StoreId,
    string? StoreName,
    string? TimeZoneId,
    string Title,
    string Detail,
    DateTimeOffset? At,
    string? Link);
