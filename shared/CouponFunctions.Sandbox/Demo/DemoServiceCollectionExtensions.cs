using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>Wires the demo data into a host that already has the sandboxes (call after <c>AddPlatformSandboxes</c>).</summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SandboxSet"/>, <see cref="DemoData"/> (seed it at startup) and a hosted service that advances it every <see cref="DemoOptions.AdvanceInterval"/>.</summary>
    public static IServiceCollection AddSandboxDemo(this IServiceCollection services, Action<DemoOptions>? configure = null)
    {
        var options = new DemoOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(SandboxSet.From);
        services.TryAddSingleton(sp => new DemoData(sp.GetRequiredService<SandboxSet>(), options));
        services.AddHostedService(sp => new DemoClaimsService(
            sp.GetRequiredService<DemoData>(),
            options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<DemoClaimsService>>() ?? NullLogger<DemoClaimsService>.Instance));
        return services;
    }
}
