using CouponFunctions.Core.Tokens;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Functions;

/// <summary>Timer RefreshTokens (every 10 minutes by default): plan a refresh for each store whose token expires soon.</summary>
internal sealed class RefreshTokensFunction(PlanTokenRefreshHandler handler)
{
    [Function("RefreshTokens")]
    public Task RunAsync([TimerTrigger("%RefreshTokensSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        handler.HandleAsync(cancellationToken);
}
