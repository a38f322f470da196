using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

public sealed partial record CouponListRow
{
    /// <summary>The row of a synced coupon, carrying its store's display fields and what sync and inspections know of it.</summary>
    /// <param name="lastChangedAt">When sync last saw the coupon change.</param>
    /// <param name="removedAt">When sync stopped seeing the coupon on the platform; null while it is listed.</param>
    /// <param name="archived">Whether the coupon has left the default view.</param>
    /// <param name="openFindings">How many open inspection findings the coupon has.</param>
    /// <param name="highestSeverity">The severity of the most severe of them, as the inspections name it.</param>
    public static CouponListRow From(
        Store store,
        Coupon coupon,
        DateTimeOffset lastChangedAt,
        DateTimeOffset? removedAt = null,
        bool archived = false,
        int openFindings = 0,
        string? highestSeverity = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(coupon);
        ArgumentOutOfRangeException.ThrowIfNegative(openFindings);
        return new CouponListRow
        {
            StoreId = store.Id,
            StoreName = store.DisplayName,
            Platform = store.Platform,
            Site = store.Site,
            TimeZoneId = store.TimeZoneId,
            PlatformCouponId = coupon.PlatformCouponId,
            Code = coupon.Code,
            Name = coupon.Name,
            Status = coupon.Status,
            RawStatus = coupon.RawStatus,
            Reward = coupon.Reward,
            DiscountAmount = coupon.DiscountAmount,
            Percentage = coupon.Percentage,
            MaxDiscount = coupon.MaxDiscount,
            MinSpend = coupon.IsMinSpendKnown ? coupon.MinSpend : null,
            Unknown = coupon.Unknown | (coupon.IsMinSpendKnown ? UnknownCouponFields.None : UnknownCouponFields.MinSpend),
            Currency = coupon.Currency,
            TotalQuantity = coupon.TotalQuantity,
            ClaimedCount = coupon.ClaimedCount,
            UsedCount = coupon.UsedCount,
            ValidFrom = coupon.ValidFrom,
            ValidTo = coupon.ValidTo,
            ClaimStart = coupon.ClaimStart,
            ClaimEnd = coupon.ClaimEnd,
            RemovedAt = removedAt,
            IsArchived = archived,
            LastChangedAt = lastChangedAt,
            OpenFindings = openFindings,
            HighestSeverity = openFindings > 0 ? highestSeverity : null,
        };
    }
}
