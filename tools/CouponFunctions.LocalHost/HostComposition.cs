using CouponFunctions.LocalHost.Configuration;
using CouponFunctions.LocalHost.Worker;
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
    }

    /// <summary>The first call (gRPC server) creates the shared singletons; the second (app server) takes them from it.</summary>
    public static void AddShared(IServiceCollection services, ScriptRoot root, GrpcEndpoint endpoint, IServiceProvider? from = null)
    {
        services.AddSingleton(root);
        services.AddSingleton(endpoint);
        services.AddSingleton(TimeProvider.System);
        if (from is null)
        {
            services.AddSingleton(sp => new WorkerChannel(root.Directory, sp.GetRequiredService<ILogger<WorkerChannel>>()));
        }
        else
        {
            services.AddSingleton(from.GetRequiredService<WorkerChannel>());
        }

        services.AddSingleton<FunctionInvoker>();
    }

    /// <summary>gRPC services besides FunctionRpc (the Durable client endpoint).</summary>
    public static void MapGrpc(WebApplication app)
    {
    }

    /// <summary>Trigger listeners besides HTTP, timers and queues (the Durable dispatchers).</summary>
    public static void AddListeners(IServiceCollection services)
    {
    }
}
