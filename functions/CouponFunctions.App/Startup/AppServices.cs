using CouponFunctions.App.Auth;
using CouponFunctions.App.Health;
using CouponFunctions.Sandbox;
using CouponFunctions.Sandbox.Demo;

namespace CouponFunctions.App.Startup;

/// <summary>The composition root's app part: authentication, start-up work and, for local runs only, the sandboxes.</summary>
internal static class AppServices
{
    public static IServiceCollection AddCouponApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<FunctionRoles>();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<LocalBootstrap>();

        // Sandbox:Enabled is for local runs and tests only, never in Azure: the platforms on their own port.
        if (configuration.GetValue("Sandbox:Enabled", false))
        {
            services.AddPlatformSandboxes();
            if (configuration.GetValue("Sandbox:Demo:Enabled", true))
            {
                services.AddSandboxDemo(o => configuration.GetSection("Sandbox:Demo").Bind(o));
                services.AddSingleton<DemoStores>();
            }
            services.AddHostedService<SandboxServer>();
        }
        services.AddHostedService<StartupTasks>();
        return services;
    }
}
