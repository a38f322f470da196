namespace CouponFunctions.Core.Sync;

/// <summary>Sync tunables (section "Sync").</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>How often a store is synced; matches the SyncCoupons timer (every 15 minutes).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Stores of one platform are spread evenly over this window after each timer run.</summary>
    public TimeSpan SpreadWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sync run holds its store; renewed page by page, so only a crashed run lets it lapse.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A scheduled sync within this long after a successful one is skipped (timer overlap, repeated messages).</summary>
    public TimeSpan MinimumGap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Ended coupons whose end is older than this leave the default list view (they are kept for history).</summary>
    public TimeSpan ArchiveAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How often a running coupon's detail is re-read when its platform's listing leaves fields out (Shopee: minimum
    /// spend, cap and items, from get_voucher) and nothing listed changed. Each coupon has its own slot in this interval,
    /// so a store's reads spread over its syncs. New, changed and upcoming coupons are read on every sync regardless.
    /// </summary>
    public TimeSpan DetailRefreshInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The same for upcoming coupons, which can still be edited in every field (Shopee: minimum spend and cap too) without
    /// a trace in the listing. Zero (the default) re-reads them on every sync; a longer interval trades freshness for
    /// calls (at most 1,000 upcoming and ongoing vouchers per Shopee shop).
    /// </summary>
    public TimeSpan UpcomingDetailRefreshInterval { get; set; } = TimeSpan.Zero;
}
