using System.Collections.Concurrent;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>Keeps every recorded failure for assertions.</summary>
internal sealed class RecordingCallRecorder : IPlatformCallRecorder
{
    public ConcurrentQueue<(StoreConnection Store, string Operation, PlatformError Error)> Failures { get; } = new();

    public Task RecordFailureAsync(StoreConnection store, string operation, PlatformError error, CancellationToken cancellationToken = default)
    {
        Failures.Enqueue((store, operation, error));
        return Task.CompletedTask;
    }
}
