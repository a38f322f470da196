using System.Globalization;

namespace CouponFunctions.Sandbox.TikTok;

public sealed partial class TikTokSandbox
{
    private readonly Dictionary<string, SortedDictionary<long, TikTokSandboxCoupon>> _coupons = new(StringComparer.Ordinal);
    private long _nextCouponId = 7_300_000_000_000_000_001;

    /// <summary>Seeds a coupon as Seller Center would hold it. Its shape is checked (<see cref="TikTokCouponRules"/>);
    /// business limits are not, so demo data can hold coupons an inspection should flag.</summary>
    /// <exception cref="ArgumentException">When the coupon could not exist on TikTok Shop.</exception>
    public TikTokSandboxCoupon AddCoupon(string shopId, TikTokSandboxCoupon coupon)
    {
        lock (Gate)
        {
            var shop = ShopLocked(shopId);
            var error = TikTokCouponRules.Check(coupon, shop.Region);
            if (error is not null) throw new ArgumentException($"TikTok would not hold this coupon: {error}", nameof(coupon));
            var id = long.TryParse(coupon.CouponId, NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : _nextCouponId++;
            _nextCouponId = Math.Max(_nextCouponId, id + 1);
            var stored = coupon with
            {
                CouponId = id.ToString(CultureInfo.InvariantCulture),
                ClaimStart = WholeSeconds(coupon.ClaimStart),
                ClaimEnd = WholeSeconds(coupon.ClaimEnd),
                RedemptionStart = coupon.RedemptionStart is { } s ? WholeSeconds(s) : null,
                RedemptionEnd = coupon.RedemptionEnd is { } e ? WholeSeconds(e) : null,
            };
            _coupons[shopId][id] = stored;
            return stored;
        }
    }

    /// <summary>The shop's coupons, newest first (the order SearchCoupons pages in).</summary>
    public IReadOnlyList<TikTokSandboxCoupon> Coupons(string shopId)
    {
        lock (Gate) return [.. CouponsLocked(shopId)];
    }

    public TikTokSandboxCoupon? FindCoupon(string shopId, string couponId)
    {
        lock (Gate) return FindLocked(shopId, couponId);
    }

    /// <summary>Sets how many buyers claimed and redeemed a coupon, as they would.</summary>
    public void SetUsage(string shopId, string couponId, int claimed, int redeemed) =>
        Change(shopId, couponId, c => c with { ClaimedCount = claimed, RedeemedCount = redeemed });

    /// <summary>Deactivates a coupon, as the seller would in Seller Center.</summary>
    public void Deactivate(string shopId, string couponId) => Change(shopId, couponId, c => c with { Deactivated = true });

    internal IEnumerable<TikTokSandboxCoupon> CouponsLocked(string shopId) => _coupons.TryGetValue(shopId, out var coupons) ? coupons.Values.Reverse() : [];

    internal TikTokSandboxCoupon? FindLocked(string shopId, string couponId) =>
        long.TryParse(couponId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _coupons.TryGetValue(shopId, out var coupons)
            ? coupons.GetValueOrDefault(id)
            : null;

    private void Change(string shopId, string couponId, Func<TikTokSandboxCoupon, TikTokSandboxCoupon> change)
    {
        lock (Gate)
        {
            var current = FindLocked(shopId, couponId) ?? throw new ArgumentException($"No coupon {couponId} in shop {shopId}.", nameof(couponId));
            _coupons[shopId][long.Parse(couponId, CultureInfo.InvariantCulture)] = change(current);
        }
    }
}
