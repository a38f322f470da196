using CouponFunctions.Core.Tokens;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Functions;

/// <summary>Timer RefreshTokens: plan a refresh for each store whose token expires soon.</summary>
internal sealed class RefreshTokensFunction(PlanTokenRefreshHandler handler) : TimerFunction
{
    protected override Task RunAsync(TimerInfo timer, CancellationToken cancellationToken) => handler.HandleAsync(cancellationToken);
}
