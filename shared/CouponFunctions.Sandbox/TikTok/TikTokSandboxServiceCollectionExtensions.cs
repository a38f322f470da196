using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>Registers the TikTok Shop sandbox as a singleton on the host's <see cref="TimeProvider"/> (the first registration wins).</summary>
public static class TikTokSandboxServiceCollectionExtensions
{
    public static IServiceCollection AddTikTokSandbox(this IServiceCollection services, Action<TikTokSandboxOptions>? configure = null)
    {
        services.TryAddSingleton(sp =>
        {
            var options = new TikTokSandboxOptions();
            configure?.Invoke(options);
            return new TikTokSandbox(options, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        return services;
    }
}
