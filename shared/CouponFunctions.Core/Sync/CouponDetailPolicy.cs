using System.Text;
using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// When sync reads a coupon's detail, for platforms whose listing leaves fields out (<see cref="Coupon.Unknown"/>; Shopee's
/// get_voucher_list has no minimum spend, cap or items, only get_voucher has them; Lazada's list has no SKUs). Read when:
/// the stored coupon lacks a field the listing leaves out (never read, or the last read failed); a listed term changed
/// (someone edited it, so the hidden fields may have changed too); or the coupon is upcoming (everything about it can
/// still be edited without a listed trace), once per <see cref="SyncOptions.UpcomingDetailRefreshInterval"/>, by default
/// every sync. Usage counts and the derived status are not edits and do not count. Otherwise a coupon is re-read once
/// per <see cref="SyncOptions.DetailRefreshInterval"/>, each in its own slot of that interval (by a hash of its id), so the
/// reads spread evenly over the syncs and cost no write to schedule. Ended coupons are refreshed too: nothing marks a row
/// stored before minimum spend and cap were read from the detail, and this slow pass corrects those. Between reads the
/// hidden fields are carried over from the stored coupon, so an unchanged coupon hashes as before and is not written.
/// </summary>
public static class CouponDetailPolicy
{
    public static bool NeedsDetail(Coupon listed, StoredCoupon? stored, DateTimeOffset now, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(options);
        if (listed.Unknown == UnknownCouponFields.None) return false;
        if (stored is null || stored.IsRemoved) return true;
        var known = stored.Coupon;
        if ((known.Unknown & listed.Unknown) != 0) return true;
        if (!SameListedTerms(known, listed)) return true;
        return listed.Status == CouponStatus.Upcoming
            ? IsRefreshSlot(listed.PlatformCouponId, now, options.Interval, options.UpcomingDetailRefreshInterval)
            : IsRefreshSlot(listed.PlatformCouponId, now, options);
    }

    /// <summary>The listed coupon with the fields its listing leaves out taken from what sync read before.</summary>
    public static Coupon CarryOver(Coupon listed, Coupon? known)
    {
        ArgumentNullException.ThrowIfNull(listed);
        if (listed.Unknown == UnknownCouponFields.None || known is null) return listed;
        var hidden = listed.Unknown;
        var fields = new Dictionary<string, string>(known.PlatformFields, StringComparer.Ordinal);
        foreach (var (key, value) in listed.PlatformFields) fields[key] = value;
        return listed with
        {
            MinSpend = hidden.HasFlag(UnknownCouponFields.MinSpend) ? known.MinSpend : listed.MinSpend,
            MaxDiscount = hidden.HasFlag(UnknownCouponFields.MaxDiscount) ? known.MaxDiscount : listed.MaxDiscount,
            ProductIds = hidden.HasFlag(UnknownCouponFields.Products) ? known.ProductIds : listed.ProductIds,
            Unknown = hidden & known.Unknown,
            PlatformFields = fields,
        };
    }

    /// <summary>Whether this sync is the coupon's turn for its slow refresh: one slot in every
    /// <see cref="SyncOptions.DetailRefreshInterval"/> / <see cref="SyncOptions.Interval"/> syncs.</summary>
    public static bool IsRefreshSlot(string couponId, DateTimeOffset now, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return IsRefreshSlot(couponId, now, options.Interval, options.DetailRefreshInterval);
    }

    private static bool IsRefreshSlot(string couponId, DateTimeOffset now, TimeSpan syncInterval, TimeSpan refreshInterval)
    {
        if (syncInterval <= TimeSpan.Zero || refreshInterval <= syncInterval) return true;
        var slots = (long)Math.Min(long.MaxValue / 2, Math.Round(refreshInterval / syncInterval));
        if (slots <= 1) return true;
        var current = (long)Math.Floor(now.ToUnixTimeMilliseconds() / syncInterval.TotalMilliseconds) % slots;
        return (long)(StableHash(couponId) % (ulong)slots) == current;
    }

    private static bool SameListedTerms(Coupon a, Coupon b)
    {
        var hidden = b.Unknown;
        return a.Name == b.Name && a.Code == b.Code && a.Scope == b.Scope && a.Reward == b.Reward
            && a.DiscountAmount == b.DiscountAmount && a.Percentage == b.Percentage && a.TotalQuantity == b.TotalQuantity
            && a.PerBuyerLimit == b.PerBuyerLimit && a.ClaimStart == b.ClaimStart && a.ClaimEnd == b.ClaimEnd
            && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo && a.Currency == b.Currency
            && (hidden.HasFlag(UnknownCouponFields.MinSpend) || a.MinSpend == b.MinSpend)
            && (hidden.HasFlag(UnknownCouponFields.MaxDiscount) || a.MaxDiscount == b.MaxDiscount)
            && (hidden.HasFlag(UnknownCouponFields.Products) || a.ProductIds.Order(StringComparer.Ordinal).SequenceEqual(b.ProductIds.Order(StringComparer.Ordinal)));
    }

    // FNV-1a over the id's UTF-8 bytes: string.GetHashCode differs per process, and the slot must not.
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
