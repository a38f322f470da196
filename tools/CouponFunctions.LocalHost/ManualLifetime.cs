using Microsoft.Extensions.Hosting;

namespace CouponFunctions.LocalHost;

/// <summary>A lifetime that ignores Ctrl-C/SIGTERM: the gRPC server is stopped by Program after the worker has gone.</summary>
internal sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
