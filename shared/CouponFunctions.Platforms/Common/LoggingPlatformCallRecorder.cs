using CouponFunctions.Core.Platforms;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Platforms.Common;

/// <summary>The default recorder until Storage registers its own: failed calls go to the log only (already redacted).</summary>
internal sealed class LoggingPlatformCallRecorder(ILogger<LoggingPlatformCallRecorder> logger) : IPlatformCallRecorder
{
    public Task RecordFailureAsync(StoreConnection store, string operation, PlatformError error, CancellationToken cancellationToken = default)
    {
        logger.LogWarning("Platform call {Operation} failed for {Store}: {Error}", operation, store, error);
        return Task.CompletedTask;
    }
}
