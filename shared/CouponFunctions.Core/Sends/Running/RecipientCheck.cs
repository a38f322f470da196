using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>The checks made at the time of sending: the coupon once per wave (re-read from the platform or the synced
/// copy), then each recipient.</summary>
public static class RecipientCheck
{
    /// <summary>Null when the coupon can still be sent at <paramref name="now"/>; else the reason every recipient of the wave fails with.</summary>
    /// <param name="usesCode">The send's templates use {{coupon.code}}.</param>
    public static (FailureReason Reason, string Detail)? Coupon(Coupon? coupon, DateTimeOffset now, bool usesCode)
    {
        if (coupon is null) return (FailureReason.InvalidCoupon, "The coupon no longer exists.");
        if (CouponSendability.LifeRefusal(coupon, now) is { } life) return (FailureReason.InvalidCoupon, life);
        if (CouponSendability.KindRefusal(coupon) is { } kind) return (FailureReason.CouponInapplicable, kind);
        if (usesCode && string.IsNullOrEmpty(coupon.Code)) return (FailureReason.CouponInapplicable, "The coupon no longer has a code.");
        return null;
    }

    /// <summary>Null when the customer can be sent to on the channel now (contact, consent, not opted out).</summary>
    public static (FailureReason Reason, string Detail)? Customer(Customer? customer, ContactChannel channel) =>
        customer is null ? (FailureReason.NoContactOrOptedOut, "The customer was deleted.")
        : Reachability.Check(customer, channel) switch
        {
            Reach.Reachable => null,
            Reach.NoContact => (FailureReason.NoContactOrOptedOut, channel == ContactChannel.Email ? "no email" : "no mobile"),
            Reach.OptedOut => (FailureReason.NoContactOrOptedOut, "opted out"),
            _ => (FailureReason.NoContactOrOptedOut, "no consent"),
        };
}
