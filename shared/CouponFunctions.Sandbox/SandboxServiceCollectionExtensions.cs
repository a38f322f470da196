using CouponFunctions.Sandbox.Shopee;
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
        return services;
    }

    /// <summary>Mounts every registered sandbox at <c>{prefix}/{platform}</c>, e.g. <c>/sandbox/shopee</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformSandboxes(this IEndpointRouteBuilder endpoints, string prefix = DefaultPrefix)
    {
        endpoints.MapShopeeSandbox($"{prefix.TrimEnd('/')}/shopee");
        return endpoints;
    }
}
