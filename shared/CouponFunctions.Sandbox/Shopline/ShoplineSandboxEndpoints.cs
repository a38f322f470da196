using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>Mounts the SHOPLINE sandbox under a prefix, each store under <c>{prefix}/{handle}</c> as its own host: the price
/// rule, discount code and OAuth paths exactly as SHOPLINE has them, the authorize page at <c>/admin/oauth-web/</c>, plus
/// <c>_control/*</c>. The connector's StoreUrlTemplate is then <c>http://host/{prefix}/{handle}</c>.</summary>
public static class ShoplineSandboxEndpoints
{
    public const string DefaultPrefix = "/sandbox/shopline";

    private const string Api = "/{handle}/admin/openapi/{version}/sales";

    /// <param name="sandbox">The sandbox to serve; when null, the one registered in DI (<c>AddSingleton&lt;ShoplineSandbox&gt;</c>).</param>
    public static RouteGroupBuilder MapShoplineSandbox(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix, ShoplineSandbox? sandbox = null)
    {
        sandbox ??= endpoints.ServiceProvider.GetRequiredService<ShoplineSandbox>();
        var group = endpoints.MapGroup("/" + prefix.Trim('/'));
        var rules = new ShoplinePriceRuleHandlers(sandbox);
        var codes = new ShoplineDiscountCodeHandlers(sandbox);
        var auth = new ShoplineAuthHandlers(sandbox);

        // The casts to Delegate keep minimal APIs from taking these lambdas as RequestDelegates (which would drop the IResult).
        Map(group, sandbox, HttpMethods.Get, $"{Api}/price_rules.json", (call, _) => rules.List(call));
        Map(group, sandbox, HttpMethods.Post, $"{Api}/price_rules.json", (call, _) => rules.Create(call));
        Map(group, sandbox, HttpMethods.Get, $"{Api}/price_rules/{{id}}.json", rules.Get);
        Map(group, sandbox, HttpMethods.Put, $"{Api}/price_rules/{{id}}.json", rules.Update);
        Map(group, sandbox, HttpMethods.Delete, $"{Api}/price_rules/{{id}}.json", rules.Delete);
        Map(group, sandbox, HttpMethods.Get, $"{Api}/price_rules/{{id}}/discount_codes.json", codes.List);
        Map(group, sandbox, HttpMethods.Post, $"{Api}/price_rules/{{id}}/discount_codes.json", codes.Create);
        group.MapMethods("/{handle}/admin/oauth/token/create", [HttpMethods.Post], (Delegate)((HttpContext http, string handle) =>
            ShoplineSandboxGate.RunOAuthAsync(sandbox, http, handle, auth.Create)));
        group.MapMethods("/{handle}/admin/oauth/token/refresh", [HttpMethods.Post], (Delegate)((HttpContext http, string handle) =>
            ShoplineSandboxGate.RunOAuthAsync(sandbox, http, handle, auth.Refresh)));
        group.MapMethods("/{handle}/admin/oauth-web/", [HttpMethods.Get], (Delegate)(() => ShoplineAuthHandlers.AuthorizePage()));
        group.MapMethods("/{handle}/admin/oauth-web/approve", [HttpMethods.Get], (Delegate)((HttpContext http, string handle) => auth.Approve(http, handle)));

        group.MapSandboxControl(sandbox.Faults, sandbox.Throttle, sandbox.Stats, sandbox.Clock);
        return group;
    }

    private static void Map(RouteGroupBuilder group, ShoplineSandbox sandbox, string method, string pattern, Func<ShoplineCall, string, IResult> handler) =>
        group.MapMethods(pattern, [method], (Delegate)((HttpContext http, string handle, string version) =>
            ShoplineSandboxGate.RunAsync(sandbox, http, handle, version, call => handler(call, http.Request.RouteValues["id"] as string ?? string.Empty))));
}
