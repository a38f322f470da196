using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>
/// Mounts the Lazada sandbox under a prefix. One base URL serves every country (the seller's country comes from the
/// sandbox's own records): the APIs at <c>{prefix}/rest/...</c> (the connector's BaseUrl and AuthBaseUrl, with
/// UseBaseUrlForAllSites), the seller's authorization page at <c>{prefix}/oauth/authorize</c> (its AuthorizeUrl), and
/// <c>{prefix}/_control/*</c> (faults, throttle, stats, clock).
/// </summary>
public static class LazadaSandboxEndpoints
{
    public const string DefaultPrefix = "/sandbox/lazada";

    /// <param name="sandbox">The sandbox to serve; when null, the one registered in DI (<c>AddLazadaSandbox</c>).</param>
    public static RouteGroupBuilder MapLazadaSandbox(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix, LazadaSandbox? sandbox = null)
    {
        sandbox ??= endpoints.ServiceProvider.GetRequiredService<LazadaSandbox>();
        var group = endpoints.MapGroup(prefix);
        var vouchers = new LazadaVoucherHandlers(sandbox);
        var products = new LazadaProductHandlers(sandbox, vouchers);
        var auth = new LazadaAuthHandlers(sandbox);

        Map(group, sandbox, "GET", "/promotion/vouchers/get", sellerApi: true, vouchers.List);
        Map(group, sandbox, "GET", "/promotion/voucher/get", sellerApi: true, vouchers.Get);
        Map(group, sandbox, "POST", "/promotion/voucher/create", sellerApi: true, vouchers.Create);
        Map(group, sandbox, "POST", "/promotion/voucher/update", sellerApi: true, vouchers.Update);
        Map(group, sandbox, "POST", "/promotion/voucher/activate", sellerApi: true, vouchers.Activate);
        Map(group, sandbox, "POST", "/promotion/voucher/deactivate", sellerApi: true, vouchers.Deactivate);
        Map(group, sandbox, "GET", "/promotion/voucher/products/get", sellerApi: true, products.List);
        Map(group, sandbox, "POST", "/promotion/voucher/product/sku/add", sellerApi: true, products.Add);
        Map(group, sandbox, "POST", "/promotion/voucher/product/sku/remove", sellerApi: true, products.Remove);
        // On Lazada these two live on the auth host (auth.lazada.com/rest); here they share the one base URL.
        Map(group, sandbox, "POST", "/auth/token/create", sellerApi: false, auth.TokenCreate);
        Map(group, sandbox, "POST", "/auth/token/refresh", sellerApi: false, auth.TokenRefresh);
        group.MapGet("/oauth/authorize", auth.Authorize);

        group.MapSandboxControl(sandbox.Faults, sandbox.Throttle, sandbox.Stats, sandbox.Clock);
        return group;
    }

    // The signature covers the API path without the gateway's /rest.
    private static void Map(RouteGroupBuilder group, LazadaSandbox sandbox, string method, string apiPath, bool sellerApi, Func<LazadaCall, IResult> handler) =>
        group.MapMethods("/rest" + apiPath, [method], (Delegate)((HttpContext http) => LazadaSandboxGate.RunAsync(sandbox, http, apiPath, sellerApi, handler)));
}
