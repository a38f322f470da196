using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>Mounts the Shopee sandbox under a prefix: the v2 voucher and auth paths exactly as Shopee has them, plus
/// <c>_control/*</c> (faults, throttle, stats, clock). The connector's BaseUrl is then <c>http://host/{prefix}</c>.</summary>
public static class ShopeeSandboxEndpoints
{
    public const string DefaultPrefix = "/sandbox/shopee";

    /// <param name="sandbox">The sandbox to serve; when null, the one registered in DI (<c>AddSingleton&lt;ShopeeSandbox&gt;</c>).</param>
    public static RouteGroupBuilder MapShopeeSandbox(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix, ShopeeSandbox? sandbox = null)
    {
        sandbox ??= endpoints.ServiceProvider.GetRequiredService<ShopeeSandbox>();
        var group = endpoints.MapGroup(prefix);
        var vouchers = new ShopeeVoucherHandlers(sandbox);
        var auth = new ShopeeAuthHandlers(sandbox);

        Map(group, sandbox, "GET", "/api/v2/voucher/get_voucher_list", shopApi: true, vouchers.List);
        Map(group, sandbox, "GET", "/api/v2/voucher/get_voucher", shopApi: true, vouchers.Get);
        Map(group, sandbox, "POST", "/api/v2/voucher/add_voucher", shopApi: true, vouchers.Add);
        Map(group, sandbox, "POST", "/api/v2/voucher/update_voucher", shopApi: true, vouchers.Update);
        Map(group, sandbox, "POST", "/api/v2/voucher/end_voucher", shopApi: true, vouchers.End);
        Map(group, sandbox, "POST", "/api/v2/voucher/delete_voucher", shopApi: true, vouchers.Delete);
        Map(group, sandbox, "GET", "/api/v2/shop/auth_partner", shopApi: false, auth.AuthPartner);
        Map(group, sandbox, "POST", "/api/v2/auth/token/get", shopApi: false, auth.TokenGet);
        Map(group, sandbox, "POST", "/api/v2/auth/access_token/get", shopApi: false, auth.AccessTokenGet);

        group.MapSandboxControl(sandbox.Faults, sandbox.Throttle, sandbox.Stats, sandbox.Clock);
        return group;
    }

    private static void Map(RouteGroupBuilder group, ShopeeSandbox sandbox, string method, string apiPath, bool shopApi, Func<ShopeeCall, IResult> handler) =>
        group.MapMethods(apiPath, [method], (Delegate)((HttpContext http) => ShopeeSandboxGate.RunAsync(sandbox, http, apiPath, shopApi, handler)));
}
