using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopee;

/// <summary>Maps Shopee vouchers to the unified <see cref="Coupon"/> and back.</summary>
internal static class ShopeeVoucherMapper
{
    public const int ShopVoucher = 1;
    public const int ProductVoucher = 2;
    public const int FixedAmount = 1;
    public const int DiscountPercentage = 2;
    public const int CoinCashback = 3;

    /// <param name="detail">True for get_voucher's answer; false for a get_voucher_list item, which has no minimum spend,
    /// cap or items (they become <see cref="Coupon.Unknown"/>, never zero).</param>
    public static Coupon ToCoupon(ShopeeVoucher voucher, JsonElement raw, string site, DateTimeOffset now, bool detail)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(voucher.StartTime);
        var end = DateTimeOffset.FromUnixTimeSeconds(voucher.EndTime);
        var (status, rawStatus) = DeriveStatus(start, end, now);
        var reward = ToReward(voucher.RewardType);
        var product = voucher.VoucherType == ProductVoucher;
        var unknown = detail ? UnknownCouponFields.None
            : UnknownCouponFields.MinSpend
              | (reward == RewardType.FixedAmount ? UnknownCouponFields.None : UnknownCouponFields.MaxDiscount)
              | (product ? UnknownCouponFields.Products : UnknownCouponFields.None);
        return new Coupon
        {
            Platform = Platform.Shopee,
            PlatformCouponId = voucher.VoucherId.ToString(CultureInfo.InvariantCulture),
            Code = voucher.VoucherCode,
            Name = voucher.VoucherName ?? string.Empty,
            Scope = product ? CouponScope.Product : CouponScope.Shop,
            Reward = reward,
            DiscountAmount = reward == RewardType.FixedAmount ? voucher.DiscountAmount : null,
            Percentage = reward == RewardType.FixedAmount ? null : voucher.Percentage,
            // max_price 0 means "no cap".
            MaxDiscount = detail && voucher.MaxPrice is > 0 ? voucher.MaxPrice : null,
            MinSpend = detail ? voucher.MinBasketPrice ?? 0m : null,
            TotalQuantity = voucher.UsageQuantity,
            // Shopee reports uses (current_usage), not claims.
            UsedCount = voucher.CurrentUsage,
            ClaimStart = voucher.DisplayStartTime is > 0 ? DateTimeOffset.FromUnixTimeSeconds(voucher.DisplayStartTime.Value) : null,
            ValidFrom = start,
            ValidTo = end,
            Currency = Sites.TryGet(site, out var known) ? known.Currency : "XXX",
            Status = status,
            RawStatus = rawStatus,
            ProductIds = detail && product ? ToProductIds(voucher.ItemIdList) : [],
            Unknown = unknown,
            PlatformFields = PlatformJson.Flatten(raw),
        };
    }

    /// <summary>Shopee item_id_list → the unified ProductIds.</summary>
    public static IReadOnlyList<string> ToProductIds(long[]? itemIds) =>
        itemIds?.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList() ?? [];

    /// <summary>The unified ProductIds → Shopee item_id_list (for add_voucher, update_voucher and template deploys); false
    /// when an id is not a Shopee item id (digits only).</summary>
    public static bool TryToItemIds(IReadOnlyList<string> productIds, out long[] itemIds)
    {
        itemIds = new long[productIds.Count];
        for (var i = 0; i < productIds.Count; i++)
        {
            if (!long.TryParse(productIds[i], NumberStyles.None, CultureInfo.InvariantCulture, out itemIds[i])) return false;
        }
        return true;
    }

    /// <summary>Shopee has no status field: it is derived from the times, with the names get_voucher_list filters by.</summary>
    public static (CouponStatus Status, string Raw) DeriveStatus(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) =>
        now < start ? (CouponStatus.Upcoming, "upcoming")
        : now < end ? (CouponStatus.Ongoing, "ongoing")
        : (CouponStatus.Ended, "expired");

    public static int ToRewardType(RewardType reward) => reward switch
    {
        RewardType.FixedAmount => FixedAmount,
        RewardType.Percentage => DiscountPercentage,
        RewardType.CoinCashback => CoinCashback,
        _ => throw new ArgumentOutOfRangeException(nameof(reward), reward, null),
    };

    private static RewardType ToReward(int rewardType) => rewardType switch
    {
        FixedAmount => RewardType.FixedAmount,
        DiscountPercentage => RewardType.Percentage,
        CoinCashback => RewardType.CoinCashback,
        _ => throw new FormatException($"Unknown Shopee reward_type {rewardType}."),
    };
}
