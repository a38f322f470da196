using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>Advances the demo's claims and usage every <see cref="DemoOptions.AdvanceInterval"/> (30 s by default) so the local run looks alive.</summary>
internal sealed class DemoClaimsService(DemoData demo, DemoOptions options, TimeProvider time, ILogger<DemoClaimsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.AdvanceInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.AdvanceInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var advance = demo.Advance(time.GetUtcNow());
                if (advance.Changes.Count > 0)
                    logger.LogDebug("Demo tick {Tick}: {Count} coupons moved, {StockOuts} ran out.", advance.Tick, advance.Changes.Count, advance.Changes.Count(c => c.StockedOut));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Demo activity is decoration: a failed step must not stop the host or the next steps.
                logger.LogWarning(ex, "Advancing the demo data failed; trying again at the next tick.");
            }
        }
    }
}
