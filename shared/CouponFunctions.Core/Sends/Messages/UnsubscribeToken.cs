using System.Security.Cryptography;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sends.Messages;

/// <summary>Who an unsubscribe link is for: the customer, the channel, and the send it came in (for the merchant's records).</summary>
public sealed record UnsubscribeRequest(TenantId TenantId, CustomerId CustomerId, ContactChannel Channel, SendId SendId);

/// <summary>
/// The token in unsubscribe links: the request encrypted and authenticated with <see cref="ISecretProtector"/> under its own
/// context, so it cannot be forged, altered or swapped with a stored secret, and carries no readable customer data. It does
/// not expire: an unsubscribe link must keep working (RFC 8058 one-click, CAN-SPAM's 30 days at least).
/// </summary>
public sealed class UnsubscribeTokens(ISecretProtector protector)
{
    private const string Context = "unsubscribe-v1";

    public string Create(UnsubscribeRequest request)
    {
        var plain = string.Join('|', request.TenantId.Value, request.CustomerId.Value, request.Channel == ContactChannel.Email ? "e" : "s", request.SendId.Value);
        return protector.Protect(plain, Context);
    }

    /// <summary>The request (from the decoded token), or Rejected when the token was not made by us (tampered, truncated, another key).</summary>
    public Result<UnsubscribeRequest> Verify(string? token)
    {
        const string refusal = "This unsubscribe link is not valid; use the link from the message as it was sent.";
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return Result<UnsubscribeRequest>.Rejected(refusal);
        string plain;
        try
        {
            plain = protector.Unprotect(token, Context);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return Result<UnsubscribeRequest>.Rejected(refusal);
        }

        var parts = plain.Split('|');
        if (parts is not [var tenant, var customer, var channel and ("e" or "s"), var send]
            || !TenantId.TryParse(tenant, out var tenantId) || !CustomerId.TryParse(customer, out var customerId) || !SendId.TryParse(send, out var sendId))
            return Result<UnsubscribeRequest>.Rejected(refusal);
        return Result<UnsubscribeRequest>.Ok(new UnsubscribeRequest(tenantId, customerId, channel == "e" ? ContactChannel.Email : ContactChannel.Sms, sendId));
    }
}

/// <summary>The unsubscribe URL and the RFC 2369 / RFC 8058 header values of an email.</summary>
public static class UnsubscribeLinks
{
    /// <summary>{base}api/unsubscribe?token=... (the base ends with '/'): GET shows a confirmation page, POST (one-click) opts out
    /// at once. The token is URL-escaped here; the endpoint receives it decoded.</summary>
    public static Uri Url(Uri publicBaseUrl, string token) => new(publicBaseUrl, "api/unsubscribe?token=" + Uri.EscapeDataString(token));

    /// <summary>The List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058 needs both, and a DKIM signature covering them).</summary>
    public static IReadOnlyDictionary<string, string> Headers(Uri unsubscribeUrl) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["List-Unsubscribe"] = "<" + unsubscribeUrl.AbsoluteUri + ">",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };
}
