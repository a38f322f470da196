using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Clients;
using CouponFunctions.Storage.Platforms;
using CouponFunctions.Storage.Runner;
using CouponFunctions.Storage.Stores;
using CouponFunctions.Storage.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CouponFunctions.Storage;

/// <summary>Registers the storage clients and every store adapter (repositories, recorders, runner state).</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCouponStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StorageClients(
            CouponStorageOptions.ReadConnection(configuration),
            new StorageClientOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }));
        services.AddSingleton<ISecretProtector>(_ => AesGcmSecretProtector.FromBase64(configuration["Security:EncryptionKey"]));
        services.AddSingleton<StorageInitializer>();

        services.AddSingleton<ITenantRepository, TenantRepository>();
        services.AddSingleton<IApiKeyRepository, ApiKeyRepository>();
        services.AddSingleton<StoreEntityMapper>();
        services.AddSingleton<IStoreRepository, StoreRepository>();
        services.AddSingleton<PlatformFailureRecorder>();
        services.AddSingleton<IPlatformCallRecorder>(sp => sp.GetRequiredService<PlatformFailureRecorder>());
        services.AddSingleton<IPlatformFailureLog>(sp => sp.GetRequiredService<PlatformFailureRecorder>());
        services.AddSingleton<ScheduleStatusStore>();
        return services;
    }
}
