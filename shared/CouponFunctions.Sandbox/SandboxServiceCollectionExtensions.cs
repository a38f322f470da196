using CouponFunctions.Sandbox.Lazada;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Sandbox.Shopline;
using CouponFunctions.Sandbox.TikTok;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CouponFunctions.Sandbox;

/// <summary>Wires the sandboxes into a host's DI and routes (the handler's standalone mode; never in an Azure deployment).</summary>
public static class SandboxServiceCollectionExtensions
{
    public const string DefaultPrefix = "/sandbox";

    /// <summary>Registers each sandbox as a singleton on the host's <see cref="TimeProvider"/> (seed them from the container).</summary>
    public static IServiceCollection AddPlatformSandboxes(this IServiceCollection services, Action<ShopeeSandboxOptions>? configureShopee = null)
    {
        services.TryAddSingleton(sp =>
        {
            var options = new ShopeeSandboxOptions();
            configureShopee?.Invoke(options);
            return new ShopeeSandbox(options, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        // Lazada's options: call AddLazadaSandbox(configure) before this (the first registration wins).
        services.AddLazadaSandbox();
        // TikTok Shop's and SHOPLINE's options: call AddTikTokSandbox / AddShoplineSandbox(configure) before this.
        services.AddTikTokSandbox();
        services.AddShoplineSandbox();
        return services;
    }

    /// <summary>Mounts every registered sandbox at <c>{prefix}/{platform}</c>, e.g. <c>/sandbox/shopee</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformSandboxes(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        endpoints.MapShopeeSandbox($"{prefix.TrimEnd('/')}/shopee");
        endpoints.MapLazadaSandbox($"{prefix.TrimEnd('/')}/lazada");
        endpoints.MapTikTokSandbox($"{prefix.TrimEnd('/')}/tiktok");
        endpoints.MapShoplineSandbox($"{prefix.TrimEnd('/')}/shopline");
        return endpoints;
    }
}
