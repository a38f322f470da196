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

    /// <summary>Asserts that one failure was recorded, and for <paramref name="store"/>'s <paramref name="operation"/>; returns its error.</summary>
    public PlatformError SingleFailure(StoreConnection store, string operation)
    {
        var (recordedStore, recordedOperation, error) = Assert.Single(Failures);
        Assert.Equal((store, operation), (recordedStore, recordedOperation));
        return error;
    }
}
