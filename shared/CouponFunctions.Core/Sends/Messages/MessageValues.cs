using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Sends.Messages;

/// <summary>The placeholder values for one recipient on one channel.</summary>
public static class MessageValues
{
    /// <param name="zone">The store's zone: {{coupon.endsAt}} is store-local with its offset ("2026-12-31 23:59 (UTC+07:00)").</param>
    /// <param name="claimUrl">The claim link for this channel, UTM-tagged (see <see cref="ClaimLinks"/>).</param>
    public static IReadOnlyDictionary<string, string> For(string? customerName, Coupon coupon, TimeZoneInfo zone, Uri claimUrl) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // A customer without a name gets an empty value; templates should read well either way ("Hi {{customer.name}}," → "Hi ,"
            // is the merchant's to avoid, and the preview shows it).
            [MessageTemplate.CustomerName] = customerName ?? string.Empty,
            [MessageTemplate.CouponName] = coupon.Name,
            [MessageTemplate.CouponCode] = coupon.Code ?? string.Empty,
            [MessageTemplate.CouponEndsAt] = SendSchedule.Local(coupon.ValidTo, zone),
            [MessageTemplate.ClaimUrl] = claimUrl.AbsoluteUri,
        };

    public static IReadOnlyDictionary<string, string> For(Customer customer, Coupon coupon, TimeZoneInfo zone, Uri claimUrl) =>
        For(customer.Name, coupon, zone, claimUrl);
}
