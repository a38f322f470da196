using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>An <see cref="ILogger{T}"/> that keeps every formatted message (and exception text) for assertions.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public string AllText => string.Join('\n', Messages);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
