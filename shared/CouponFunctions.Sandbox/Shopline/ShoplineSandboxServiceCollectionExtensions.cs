using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>Registers the SHOPLINE sandbox as a singleton on the host's <see cref="TimeProvider"/> (the first registration wins).</summary>
public static class ShoplineSandboxServiceCollectionExtensions
{
    public static IServiceCollection AddShoplineSandbox(this IServiceCollection services, Action<ShoplineSandboxOptions>? configure = null)
    {
        services.TryAddSingleton(sp =>
        {
            var options = new ShoplineSandboxOptions();
            configure?.Invoke(options);
            return new ShoplineSandbox(options, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        return services;
    }
}
