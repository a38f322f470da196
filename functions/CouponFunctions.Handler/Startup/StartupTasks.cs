using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;
using CouponFunctions.Storage;

namespace CouponFunctions.Handler.Startup;

/// <summary>
/// Runs before the trigger runner (hosted services start in registration order): checks the function definitions,
/// creates storage, and in standalone mode bootstraps the local tenant.
/// </summary>
internal sealed class StartupTasks(
    FunctionAppDefinition app,
    IEnumerable<FunctionRegistration> registrations,
    StorageInitializer storage,
    HandlerMode mode,
    LocalBootstrap bootstrap,
    IServiceProvider services,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        FunctionRegistrations.Verify(app, registrations);
        var queues = app.Functions.Select(f => f.Trigger).OfType<QueueTrigger>().Select(q => q.QueueName).Distinct();
        await storage.EnsureCreatedAsync(queues, cancellationToken);
        if (mode.IsStandalone && await bootstrap.RunAsync(cancellationToken) is { } tenant && services.GetService<DemoStores>() is { } demo)
            await demo.ConnectAsync(tenant, cancellationToken);
        logger.LogInformation("CouponFunctions handler ready in {Mode} mode with {Count} functions", mode, app.Functions.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
