using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Segments;

/// <summary>Why a customer can or cannot be sent to on a channel.</summary>
public enum Reach
{
    Reachable,
    NoContact,

    /// <summary>Consent never given, or denied.</summary>
    NoConsent,
    OptedOut,
}

/// <summary>A customer is reachable on a channel when they have the contact and have granted consent (and not opted out).</summary>
public static class Reachability
{
    public static Reach Check(Customer customer, ContactChannel channel)
    {
        if (string.IsNullOrEmpty(customer.ContactFor(channel))) return Reach.NoContact;
        return customer.ConsentFor(channel).Status switch
        {
            ConsentStatus.Granted => Reach.Reachable,
            ConsentStatus.OptedOut => Reach.OptedOut,
            _ => Reach.NoConsent,
        };
    }

    public static bool CanReach(Customer customer, ContactChannel channel) => Check(customer, channel) == Reach.Reachable;
}

/// <summary>Counts of a segment's members reachable per channel (for validation and the preview's estimate).</summary>
public sealed record SegmentReach(int Members, int Email, int Sms, int EmailOrSms)
{
    public static SegmentReach Empty { get; } = new(0, 0, 0, 0);

    public int On(ContactChannel channel) => channel == ContactChannel.Email ? Email : Sms;

    /// <summary>Members reachable on at least one of <paramref name="channels"/>: exact for one channel or both (<see cref="EmailOrSms"/>).</summary>
    public int OnAny(IReadOnlyCollection<ContactChannel> channels) =>
        channels.Count == 0 ? 0 : channels.Distinct().Count() == 2 ? EmailOrSms : On(channels.First());

    /// <summary>The counts with one more member added.</summary>
    public SegmentReach Add(Customer customer)
    {
        var email = Reachability.CanReach(customer, ContactChannel.Email);
        var sms = Reachability.CanReach(customer, ContactChannel.Sms);
        return new SegmentReach(Members + 1, Email + (email ? 1 : 0), Sms + (sms ? 1 : 0), EmailOrSms + (email || sms ? 1 : 0));
    }
}
