using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>
/// The deterministic keys of one message (send, customer, channel): the outcome row's key and the provider's idempotency
/// values, so that a retried activity sends nothing twice.
/// <list type="bullet">
/// <item>ACS Email: Operation-Id header = a name-based UUID (RFC 9562 version 5) of the key; a repeated POST with the same
/// Operation-Id is the same operation.</item>
/// <item>ACS SMS: per recipient in the body, repeatabilityRequestId = the same kind of UUID, repeatabilityFirstSent = the
/// first attempt's time in RFC 1123 (kept in the outcome row, so every retry sends the same pair).</item>
/// </list>
/// </summary>
public static class DeliveryKeys
{
    // A fixed namespace for our names (itself a v5 UUID of "couponfunctions:segment-send" under the RFC 9562 URL namespace).
    private static readonly Guid Namespace = NameBased(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "couponfunctions:segment-send");

    /// <summary>"{sendId}|{customerId}|email": unique per message; '|' appears in none of the ids.</summary>
    public static string Of(SendId send, CustomerId customer, ContactChannel channel) =>
        $"{send.Value}|{customer.Value}|{(channel == ContactChannel.Email ? "email" : "sms")}";

    public static Guid EmailOperationId(SendId send, CustomerId customer) => NameBased(Namespace, Of(send, customer, ContactChannel.Email));

    public static Guid SmsRepeatabilityRequestId(SendId send, CustomerId customer) => NameBased(Namespace, Of(send, customer, ContactChannel.Sms));

    /// <summary>repeatabilityFirstSent: the first attempt's time as an RFC 1123 date ("Sun, 06 Dec 2026 09:00:00 GMT").</summary>
    public static string RepeatabilityFirstSent(DateTimeOffset firstAttemptAt) =>
        firstAttemptAt.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The idempotency key of the merchant's completion email for a send.</summary>
    public static string CompletionEmail(SendId send) => $"send-finished|{send.Value}";

    /// <summary>RFC 9562 §5.5: SHA-1 of namespace bytes (network order) + UTF-8 name, version 5, variant 10.</summary>
    internal static Guid NameBased(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nsBytes.Length + nameBytes.Length];
        nsBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, nsBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 specifies; this is an identifier, not a signature.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
