using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>Registers the Lazada sandbox in a host's DI (standalone mode and tests only).</summary>
public static class LazadaSandboxServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="LazadaSandbox"/> on the host's <see cref="TimeProvider"/>; the first registration wins,
    /// so call this with <paramref name="configure"/> before <c>AddPlatformSandboxes</c> to change its options.</summary>
    public static IServiceCollection AddLazadaSandbox(this IServiceCollection services, Action<LazadaSandboxOptions>? configure = null)
    {
        services.TryAddSingleton(sp =>
        {
            var options = new LazadaSandboxOptions();
            configure?.Invoke(options);
            return new LazadaSandbox(options, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        return services;
    }
}
