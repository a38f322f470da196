using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>Mounts the TikTok Shop sandbox under a prefix: the coupon, shop and token paths exactly as TikTok has them, the
/// authorization page at <c>/open/authorize</c>, plus <c>_control/*</c> (faults, throttle, stats, clock). The connector's
/// BaseUrl and AuthBaseUrl are then <c>http://host/{prefix}</c>, its AuthorizePageUrl <c>http://host/{prefix}/open/authorize</c>.</summary>
public static class TikTokSandboxEndpoints
{
    public const string DefaultPrefix = "/sandbox/tiktok";

    /// <param name="sandbox">The sandbox to serve; when null, the one registered in DI (<c>AddSingleton&lt;TikTokSandbox&gt;</c>).</param>
    public static RouteGroupBuilder MapTikTokSandbox(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix, TikTokSandbox? sandbox = null)
    {
        sandbox ??= endpoints.ServiceProvider.GetRequiredService<TikTokSandbox>();
        prefix = "/" + prefix.Trim('/');
        var group = endpoints.MapGroup(prefix);
        var coupons = new TikTokCouponHandlers(sandbox);
        var auth = new TikTokAuthHandlers(sandbox);

        // The cast to Delegate keeps minimal APIs from taking these lambdas as RequestDelegates (which would drop the IResult).
        group.MapMethods("/promotion/202406/coupons/search", [HttpMethods.Post], (Delegate)((HttpContext http) =>
            TikTokSandboxGate.RunAsync(sandbox, http, prefix, shopApi: true, coupons.Search)));
        group.MapMethods("/promotion/202406/coupons/{couponId}", [HttpMethods.Get], (Delegate)((HttpContext http, string couponId) =>
            TikTokSandboxGate.RunAsync(sandbox, http, prefix, shopApi: true, call => coupons.Get(call, couponId))));
        group.MapMethods("/authorization/202309/shops", [HttpMethods.Get], (Delegate)((HttpContext http) =>
            TikTokSandboxGate.RunAsync(sandbox, http, prefix, shopApi: false, auth.Shops)));
        group.MapMethods("/api/v2/token/get", [HttpMethods.Get], (Delegate)((HttpContext http) => TikTokSandboxGate.RunTokenAsync(sandbox, http, auth.TokenGet)));
        group.MapMethods("/api/v2/token/refresh", [HttpMethods.Get], (Delegate)((HttpContext http) => TikTokSandboxGate.RunTokenAsync(sandbox, http, auth.TokenRefresh)));
        group.MapMethods("/open/authorize", [HttpMethods.Get], (Delegate)((HttpContext http) => auth.Authorize(http)));

        group.MapSandboxControl(sandbox.Faults, sandbox.Throttle, sandbox.Stats, sandbox.Clock);
        return group;
    }
}
