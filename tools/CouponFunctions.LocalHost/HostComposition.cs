using CouponFunctions.LocalHost.Configuration;
using CouponFunctions.LocalHost.Durable;
using CouponFunctions.LocalHost.Worker;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Logging.Console;

namespace CouponFunctions.LocalHost;

/// <summary>The services both servers share (one worker channel), and the one-line console log format.</summary>
internal static class HostComposition
{
    public static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
    }

    /// <summary>The first call (gRPC server) creates the shared singletons; the second (app server) takes them from it.</summary>
    public static void AddShared(IServiceCollection services, ScriptRoot root, GrpcEndpoint endpoint, AppAddress app, IServiceProvider? from = null)
    {
        services.AddSingleton(root);
        services.AddSingleton(endpoint);
        services.AddSingleton(app);
        services.AddSingleton(TimeProvider.System);
        if (from is null)
        {
            services.AddSingleton(sp => new WorkerChannel(root.Directory, sp.GetRequiredService<ILogger<WorkerChannel>>()));
            services.AddSingleton<DurableEngine>();
        }
        else
        {
            services.AddSingleton(from.GetRequiredService<WorkerChannel>());
            services.AddSingleton(from.GetRequiredService<DurableEngine>());
        }

        services.AddSingleton<FunctionInvoker>();
    }

    /// <summary>
    /// The Durable client endpoint: the sidecar's TaskHubGrpcServer (TaskHubSidecarService) over the task hub, in API-only
    /// mode (the dispatchers are <see cref="DurableWorker"/>'s).
    /// </summary>
    public static void AddDurableClientEndpoint(IServiceCollection services)
    {
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<DurableEngine>().Service);
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<DurableEngine>().Service);
        services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerOnly);
        services.AddSingleton<TaskHubGrpcServer>();
    }

    public static void MapGrpc(WebApplication app) => app.MapGrpcService<TaskHubGrpcServer>();

    /// <summary>The Durable dispatchers and client binding.</summary>
    public static void AddDurable(IServiceCollection services)
    {
        services.AddSingleton<DurableWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableWorker>());
        services.AddSingleton<IInputBindingSource, DurableClientBinding>();
    }
}
