using System.Text.Json.Serialization;
using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Attention;
using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tokens;
using Microsoft.Extensions.Options;

namespace CouponFunctions.App.Startup;

/// <summary>The composition root's Core part: use cases and their options.</summary>
internal static class CoreServices
{
    public static IServiceCollection AddCouponCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.SectionName));
        services.AddOptions<TokenOptions>().Bind(configuration.GetSection(TokenOptions.SectionName));
        services.AddOptions<RuleCatalogOptions>().Bind(configuration.GetSection(RuleCatalogOptions.SectionName));
        services.AddSingleton(sp => new PlatformRuleCatalog(sp.GetRequiredService<IOptions<RuleCatalogOptions>>().Value));
        services.AddSingleton<CouponRuleValidator>();
        services.AddSingleton<CouponRuleInspector>();
        services.AddSingleton<CouponInspector>();
        services.AddSingleton(new AdminLinks(AdminPublicUrl(configuration)));
        services.AddCouponSends(configuration, AdminPublicUrl(configuration));

        services.AddSingleton<AuthenticateApiKeyHandler>();
        services.AddSingleton<ManageApiKeysHandler>();
        services.AddSingleton<ManageStoresHandler>();
        services.AddSingleton<ConnectStoreHandler>();
        services.AddSingleton<BootstrapTenantHandler>();
        services.AddSingleton<StockOutAlerts>();
        services.AddSingleton<RefreshStoreTokenHandler>();
        services.AddSingleton<DayTotalsRecorder>();
        services.AddSingleton<SyncStoreHandler>();
        services.AddSingleton<PlanSyncHandler>();
        services.AddSingleton<PlanTokenRefreshHandler>();
        services.AddSingleton<RefreshStoreTokenJob>();
        services.AddSingleton<PlanInspectionsHandler>();
        services.AddSingleton<InspectTenantHandler>();
        services.AddSingleton<ListCouponsHandler>();
        services.AddSingleton<SetCouponCampaignHandler>();
        services.AddSingleton<ListCampaignsHandler>();
        services.AddSingleton<GetCouponDetailHandler>();
        services.AddSingleton<GetAttentionHandler>();
        services.AddSingleton<AcknowledgeFindingHandler>();
        services.AddSingleton<GetPerformanceHandler>();

        services.AddOptions<DeploymentPreviewOptions>().Bind(configuration.GetSection(DeploymentPreviewOptions.SectionName));
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.SectionName));
        services.AddSingleton(sp => new DeploymentPreviewer(sp.GetRequiredService<CouponRuleValidator>(), sp.GetRequiredService<IOptions<DeploymentPreviewOptions>>().Value));
        services.AddSingleton<ManageTemplatesHandler>();
        services.AddSingleton<PreviewDeploymentHandler>();
        services.AddSingleton<StartDeploymentHandler>();
        services.AddSingleton<DeployStoreHandler>();
        services.AddSingleton<ManageJobsHandler>();
        services.AddSingleton(sp => new BulkActionPlanner(sp.GetRequiredService<CouponRuleValidator>()));
        services.AddSingleton<PreviewBulkActionHandler>();
        services.AddSingleton<StartBulkActionHandler>();
        services.AddSingleton<RunBulkActionBatchHandler>();
        services.AddSingleton(sp => new FindingRemedies(sp.GetRequiredService<PlatformRuleCatalog>()));
        services.AddSingleton<FindingRemedyLookup>();

        // The API speaks the same JSON as the queues: camelCase, enums as camelCase strings.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new PlatformJsonConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        return services;
    }

    /// <summary>Admin:PublicUrl; in Azure the app's own host name (WEBSITE_HOSTNAME) otherwise; the local host's default last.</summary>
    private static Uri AdminPublicUrl(IConfiguration configuration)
    {
        if (configuration["Admin:PublicUrl"] is { Length: > 0 } url) return new Uri(url);
        if (configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host) return new Uri($"https://{host}/api/admin/");
        return new Uri("http://127.0.0.1:7071/api/admin/");
    }
}
