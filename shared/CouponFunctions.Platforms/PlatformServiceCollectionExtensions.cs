using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common;
using CouponFunctions.Platforms.Shopee;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Platforms;

/// <summary>Registers the platform connectors, their options (section <c>Platforms:&lt;Name&gt;</c>), HTTP clients and the connector lookup.</summary>
public static class PlatformServiceCollectionExtensions
{
    public const string SectionName = "Platforms";

    public static IServiceCollection AddPlatformConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPlatformCallRecorder, LoggingPlatformCallRecorder>();
        services.TryAddSingleton<IPlatformConnectors, PlatformConnectors>();
        services.AddLogging();

        // One block per platform: options bound and validated at start, a named HttpClient (our own per-attempt
        // timeout replaces HttpClient.Timeout), and the connector as a singleton so its buckets and circuit are shared.
        services.AddOptions<ShopeeClientOptions>()
            .Bind(configuration.GetSection($"{SectionName}:{ShopeeClientOptions.Name}"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShopeeClientOptions>, PlatformOptionsValidator<ShopeeClientOptions>>());
        services.AddHttpClient(ShopeeClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ShopeeClient>(sp => ActivatorUtilities.CreateInstance<ShopeeClient>(sp, sp.GetRequiredService<IOptions<ShopeeClientOptions>>().Value));
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<ShopeeClient>());

        return services;
    }
}
