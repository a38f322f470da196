using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends.Messages;

namespace CouponFunctions.Core.Sends;

/// <summary>The one-click unsubscribe link: a token we made (no key needed) opts the customer out of that channel at once.</summary>
public sealed class UnsubscribeHandler(UnsubscribeTokens tokens, ICustomerRepository customers, TimeProvider time)
{
    /// <summary>Rejected for a token we did not make; Ok (again) for a repeat, and for a customer deleted since (nothing left to send to).</summary>
    public async Task<Result<UnsubscribeRequest>> OptOutAsync(string? token, CancellationToken cancellationToken = default)
    {
        var verified = tokens.Verify(token);
        if (!verified.IsOk) return verified;
        var request = verified.Value!;
        var done = await customers.OptOutAsync(request.TenantId, request.CustomerId, request.Channel, time.GetUtcNow(), "unsubscribe-link", cancellationToken);
        return done.IsOk || done.Kind == OutcomeKind.NotFound ? verified : done.As<UnsubscribeRequest>();
    }

    /// <summary>Checks the token without changing anything (the confirmation page a GET shows).</summary>
    public Result<UnsubscribeRequest> Check(string? token) => tokens.Verify(token);
}
