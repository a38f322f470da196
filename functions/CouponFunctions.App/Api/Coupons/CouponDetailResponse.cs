using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.App.Api.Coupons;

/// <summary>A coupon's detail as the API shows it: the unified fields, the platform's raw fields, history and findings.</summary>
internal sealed record CouponDetailResponse(
    object Store,
    Coupon Coupon,
    int? Remaining,
    IReadOnlyDictionary<string, string> PlatformFields,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastChangedAt,
    DateTimeOffset? RemovedAt,
    DateTimeOffset? StockOutSince,
    IReadOnlyList<CouponHistoryEntry> History,
    IReadOnlyList<TrackedFinding> Findings)
{
    public static CouponDetailResponse From(CouponDetail detail) => new(
        new { id = detail.Store.Id.Value, displayName = detail.Store.DisplayName, platform = detail.Store.Platform.ToString().ToLowerInvariant(), site = detail.Store.Site, timeZone = detail.Store.TimeZoneId },
        detail.Coupon.Coupon,
        detail.Coupon.Coupon.RemainingQuantity,
        detail.Coupon.Coupon.PlatformFields,
        detail.Coupon.FirstSeenAt,
        detail.Coupon.LastChangedAt,
        detail.Coupon.RemovedAt,
        detail.Coupon.StockOutSince,
        detail.History,
        detail.Findings);
}
