using System.Text.Json.Serialization;
using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tokens;
using CouponFunctions.Handler.Functions;
using CouponFunctions.Handler.Protocol;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Handler.Startup;

/// <summary>The composition root's Core part: use cases, their options, and the function endpoints that call them.</summary>
internal static class CoreServices
{
    public static IServiceCollection AddCouponCore(this IServiceCollection services, IConfiguration configuration, string defaultAdminUrl)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.SectionName));
        services.AddOptions<TokenOptions>().Bind(configuration.GetSection(TokenOptions.SectionName));
        services.AddOptions<RuleCatalogOptions>().Bind(configuration.GetSection(RuleCatalogOptions.SectionName));
        services.AddSingleton(sp => new PlatformRuleCatalog(sp.GetRequiredService<IOptions<RuleCatalogOptions>>().Value));
        services.AddSingleton<CouponRuleValidator>();
        services.AddSingleton<CouponRuleInspector>();
        services.AddSingleton<CouponInspector>();
        services.AddSingleton(new AdminLinks(new Uri(configuration["Admin:PublicUrl"] is { Length: > 0 } url ? url : defaultAdminUrl)));

        services.AddSingleton<AuthenticateApiKeyHandler>();
        services.AddSingleton<ManageApiKeysHandler>();
        services.AddSingleton<ManageStoresHandler>();
        services.AddSingleton<ConnectStoreHandler>();
        services.AddSingleton<BootstrapTenantHandler>();
        services.AddSingleton<StockOutAlerts>();
        services.AddSingleton<RefreshStoreTokenHandler>();
        services.AddSingleton<SyncStoreHandler>();
        services.AddSingleton<PlanSyncHandler>();
        services.AddSingleton<PlanTokenRefreshHandler>();
        services.AddSingleton<RefreshStoreTokenJob>();
        services.AddSingleton<PlanInspectionsHandler>();
        services.AddSingleton<InspectTenantHandler>();
        services.AddSingleton<ListCouponsHandler>();
        services.AddSingleton<GetCouponDetailHandler>();

        services.AddFunction<SyncCouponsFunction>("SyncCoupons");
        services.AddFunction<SyncStoreFunction>("SyncStore");
        services.AddFunction<InspectCouponsFunction>("InspectCoupons");
        services.AddFunction<InspectTenantFunction>("InspectTenant");
        services.AddFunction<RefreshTokensFunction>("RefreshTokens");
        services.AddFunction<RefreshStoreTokenFunction>("RefreshStoreToken");

        // The API speaks the same JSON as the queues: camelCase, enums as camelCase strings.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new PlatformJsonConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        return services;
    }
}
