using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common;
using CouponFunctions.Platforms.Lazada;
using CouponFunctions.Platforms.Shopee;
using CouponFunctions.Platforms.Shopline;
using CouponFunctions.Platforms.TikTok;
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

        services.AddOptions<LazadaClientOptions>()
            .Bind(configuration.GetSection($"{SectionName}:{LazadaClientOptions.Name}"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LazadaClientOptions>, PlatformOptionsValidator<LazadaClientOptions>>());
        services.AddHttpClient(LazadaClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<LazadaClient>(sp => ActivatorUtilities.CreateInstance<LazadaClient>(sp, sp.GetRequiredService<IOptions<LazadaClientOptions>>().Value));
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<LazadaClient>());

        services.AddOptions<TikTokClientOptions>()
            .Bind(configuration.GetSection($"{SectionName}:{TikTokClientOptions.Name}"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikTokClientOptions>, PlatformOptionsValidator<TikTokClientOptions>>());
        services.AddHttpClient(TikTokClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<TikTokClient>(sp => ActivatorUtilities.CreateInstance<TikTokClient>(sp, sp.GetRequiredService<IOptions<TikTokClientOptions>>().Value));
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<TikTokClient>());

        services.AddOptions<ShoplineClientOptions>()
            .Bind(configuration.GetSection($"{SectionName}:{ShoplineClientOptions.Name}"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShoplineClientOptions>, PlatformOptionsValidator<ShoplineClientOptions>>());
        services.AddHttpClient(ShoplineClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ShoplineClient>(sp => ActivatorUtilities.CreateInstance<ShoplineClient>(sp, sp.GetRequiredService<IOptions<ShoplineClientOptions>>().Value));
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<ShoplineClient>());

        return services;
    }
}
