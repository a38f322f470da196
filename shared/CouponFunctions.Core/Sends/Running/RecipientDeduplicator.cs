using System.Security.Cryptography;
using System.Text;
using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>
/// Sends each email address and each mobile number once per send, however many members share it: the first member (in
/// snapshot order) gets the message, later ones are dropped for that channel. Keys are 64-bit hashes of the normalised
/// contact (lower-case email, E.164 mobile), so 100,000 recipients take a few MB; the set lives in the snapshot activity
/// only, never in an orchestration's history.
/// </summary>
public sealed class RecipientDeduplicator
{
    private readonly HashSet<ulong> emails = [];
    private readonly HashSet<ulong> mobiles = [];

    public int DroppedEmails { get; private set; }

    public int DroppedMobiles { get; private set; }

    /// <summary>True when this member should get the message on <paramref name="channel"/> (first with that contact).</summary>
    public bool Claim(ContactChannel channel, string contact)
    {
        var fresh = channel == ContactChannel.Email ? emails.Add(Hash("e:" + EmailAddress.DedupKey(contact))) : mobiles.Add(Hash("m:" + contact));
        if (!fresh)
        {
            if (channel == ContactChannel.Email) DroppedEmails++;
            else DroppedMobiles++;
        }

        return fresh;
    }

    private static ulong Hash(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return BitConverter.ToUInt64(hash);
    }
}
