using CouponFunctions.Storage;
using CouponFunctions.Storage.Queues;

namespace CouponFunctions.App.Startup;

/// <summary>
/// At start: creates the app's tables, queues (and their poison queues) and containers, and for local runs
/// bootstraps the local tenant and connects the demo stores to the sandboxes.
/// </summary>
internal sealed class StartupTasks(
    StorageInitializer storage,
    LocalBootstrap bootstrap,
    IServiceProvider services,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(QueueNames.Messages.Values.Distinct(), cancellationToken);
        if (await bootstrap.RunAsync(cancellationToken) is { } tenant && services.GetService<DemoStores>() is { } demo)
            await demo.ConnectAsync(tenant, cancellationToken);
        logger.LogInformation("CouponFunctions app ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
