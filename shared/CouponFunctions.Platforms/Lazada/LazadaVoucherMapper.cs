using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Platforms.Lazada;

/// <summary>Maps Lazada vouchers to the unified <see cref="Coupon"/>, and coupon ids to Lazada's (voucher_type, id) pair.</summary>
internal static class LazadaVoucherMapper
{
    // Lazada's detail, update and deactivate APIs need the voucher_type beside the id. Collectible vouchers (the only kind
    // the API creates) keep the bare id; read-only code vouchers get this prefix, so a lookup never has to guess.
    private const string CodePrefix = "code-";

    public static string CouponId(string voucherType, long id) =>
        (voucherType == LazadaVoucher.CodeVoucher ? CodePrefix : string.Empty) + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseCouponId(string couponId, out string voucherType, out long id)
    {
        var code = couponId.StartsWith(CodePrefix, StringComparison.Ordinal);
        voucherType = code ? LazadaVoucher.CodeVoucher : LazadaVoucher.Collectible;
        return long.TryParse(code ? couponId[CodePrefix.Length..] : couponId, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    /// <param name="skuIds">The SKUs of a SPECIFIC_PRODUCTS voucher from /promotion/voucher/products/get; null when not read
    /// (the voucher list carries none), which leaves a product voucher's products <see cref="Coupon.Unknown"/>.</param>
    public static Coupon ToCoupon(LazadaVoucher v, JsonElement raw, string site, DateTimeOffset now, IReadOnlyList<string>? skuIds = null)
    {
        var products = v.Apply == LazadaVoucher.SpecificProducts;
        var percentage = v.DiscountType == LazadaVoucher.PercentageOff;
        var start = DateTimeOffset.FromUnixTimeMilliseconds(v.PeriodStartTime);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(v.PeriodEndTime);
        return new Coupon
        {
            Platform = Platform.Lazada,
            PlatformCouponId = CouponId(v.VoucherType, v.Id),
            Code = v.VoucherCode,
            Name = v.VoucherName ?? string.Empty,
            Scope = products ? CouponScope.Product : CouponScope.Shop,
            Reward = percentage ? RewardType.Percentage : RewardType.FixedAmount,
            DiscountAmount = percentage ? null : v.MoneyValueOff,
            Percentage = percentage ? v.PercentageDiscountOff : null,
            MaxDiscount = percentage && v.MaxDiscount is > 0 ? v.MaxDiscount : null,
            MinSpend = v.CriteriaOverMoney ?? 0,
            TotalQuantity = v.Issued,
            // order_used_budget is "already used total": whether a count or an amount is UNCERTAIN (platform-apis.md §2).
            // We read it as the number of uses (the sandbox agrees); the raw value stays in PlatformFields.
            UsedCount = v.OrderUsedBudget is { } used && used == decimal.Truncate(used) && used is >= 0 and <= int.MaxValue ? (int)used : null,
            PerBuyerLimit = v.Limit,
            ClaimStart = v.CollectStart is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(v.CollectStart.Value) : null,
            ValidFrom = start,
            ValidTo = end,
            Currency = v.Currency ?? (Sites.TryGet(site, out var known) ? known.Currency : "XXX"),
            Status = ToStatus(v.Status, start, end, now),
            RawStatus = v.Status,
            ProductIds = products && skuIds is not null ? skuIds : [],
            Unknown = products && skuIds is null ? UnknownCouponFields.Products : UnknownCouponFields.None,
            PlatformFields = Flatten(raw),
        };
    }

    /// <summary>/promotion/voucher/products/get's sku_ids → the unified ProductIds (Lazada's products are SKUs: the unit
    /// /promotion/voucher/product/sku/add and /remove take).</summary>
    public static IReadOnlyList<string> ToProductIds(IEnumerable<string> skuIds) => skuIds.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The unified ProductIds → Lazada sku_ids (for sku/add and sku/remove, and template deploys); false when an id is
    /// not a number.</summary>
    public static bool TryToSkuIds(IReadOnlyList<string> productIds, out long[] skuIds)
    {
        skuIds = new long[productIds.Count];
        for (var i = 0; i < productIds.Count; i++)
        {
            if (!long.TryParse(productIds[i], NumberStyles.None, CultureInfo.InvariantCulture, out skuIds[i])) return false;
        }
        return true;
    }

    /// <summary>NOT_START, ONGOING, SUSPEND, FINISH → upcoming, ongoing, paused, ended or deactivated.</summary>
    public static CouponStatus ToStatus(string raw, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) => raw switch
    {
        "NOT_START" => CouponStatus.Upcoming,
        "ONGOING" => CouponStatus.Ongoing,
        // SUSPEND: paused by the seller in Seller Center or by Lazada; /promotion/voucher/activate resumes it.
        "SUSPEND" => CouponStatus.Paused,
        // Lazada has no "deactivated" status: /promotion/voucher/deactivate finishes the voucher for good (our choice, and
        // the sandbox's). A FINISH before period_end_time can only come from a deactivation; after it, the voucher ran out.
        "FINISH" => now < end ? CouponStatus.Deactivated : CouponStatus.Ended,
        // An unknown status must not break a whole sync: fall back on the period, keeping the raw value beside it.
        _ => now < start ? CouponStatus.Upcoming : now < end ? CouponStatus.Ongoing : CouponStatus.Ended,
    };

    private static Dictionary<string, string> Flatten(JsonElement raw)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (raw.ValueKind != JsonValueKind.Object) return fields;
        foreach (var property in raw.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() is "null" or null ? string.Empty : property.Value.GetString()!,
                JsonValueKind.Null => string.Empty,
                _ => property.Value.GetRawText(),
            };
        }
        return fields;
    }
}
