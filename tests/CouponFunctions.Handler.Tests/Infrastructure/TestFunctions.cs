using System.Collections.Concurrent;
using CouponFunctions.Handler.Protocol;

namespace CouponFunctions.Handler.Tests.Infrastructure;

/// <summary>A queue message of the test function app; "fail" makes the function throw.</summary>
public sealed record TestWork(string Id, bool Fail = false);

/// <summary>What the test functions saw, for assertions.</summary>
internal sealed class InvocationLog
{
    public ConcurrentQueue<TimerInfo> Timers { get; } = new();

    public ConcurrentQueue<(TestWork Work, long DequeueCount)> Work { get; } = new();
}

internal sealed class TestTimerFunction(InvocationLog log) : TimerFunction
{
    protected override Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        log.Timers.Enqueue(timer);
        return Task.CompletedTask;
    }
}

internal sealed class TestQueueFunction(InvocationLog log) : QueueFunction<TestWork>
{
    protected override Task HandleAsync(TestWork message, QueueMessageInfo info, CancellationToken cancellationToken)
    {
        log.Work.Enqueue((message, info.DequeueCount));
        return message.Fail ? throw new InvalidOperationException($"work {message.Id} fails on purpose") : Task.CompletedTask;
    }
}
