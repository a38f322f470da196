using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>One member's messages in a send's snapshot.</summary>
/// <param name="Messages">Channel and contact of each message this member gets (after de-duplication).</param>
/// <param name="NoContact">Set when the member has no contact for any chosen channel: the one failure row recorded for them.</param>
public sealed record SnapshotEntry(CustomerId CustomerId, IReadOnlyList<(ContactChannel Channel, string To)> Messages, RecipientOutcome? NoContact);

/// <summary>
/// The snapshot activity's rule per member (members removed before the snapshot are not in it): a member gets a message on
/// each chosen channel they have a contact for, unless an earlier member already has that email or mobile. Consent is not
/// decided here but at sending time (an opt-out between snapshot and wave still stops the message).
/// </summary>
public static class RecipientSnapshot
{
    public static SnapshotEntry Entry(SendId sendId, Customer member, IReadOnlyList<ContactChannel> channels, RecipientDeduplicator deduplicator, DateTimeOffset now)
    {
        var messages = new List<(ContactChannel, string)>(2);
        var hadContact = false;
        foreach (var channel in channels)
        {
            var to = member.ContactFor(channel);
            if (string.IsNullOrEmpty(to)) continue;
            hadContact = true;
            if (deduplicator.Claim(channel, to)) messages.Add((channel, to));
        }

        var noContact = hadContact ? null
            : RecipientOutcome.Skipped(sendId, member.Id, channels[0], null, FailureReason.NoContactOrOptedOut, now,
                channels.Count == 2 ? "no email or mobile" : channels[0] == ContactChannel.Email ? "no email" : "no mobile");
        return new SnapshotEntry(member.Id, messages, noContact);
    }
}
