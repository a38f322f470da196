namespace CouponFunctions.Handler.Hosting;

/// <summary>The Functions app as the host sees it: host.json settings and one definition per function.json.</summary>
internal sealed record FunctionAppDefinition(string RootPath, HostSettings Host, IReadOnlyList<FunctionDefinition> Functions)
{
    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The parts of host.json the handler and the standalone runner obey.</summary>
/// <param name="FunctionTimeout">Null when host.json says -1 (unbounded).</param>
internal sealed record HostSettings(
    TimeSpan? FunctionTimeout,
    QueueTriggerSettings Queues,
    string RoutePrefix,
    bool ForwardHttpRequests);

/// <summary>host.json extensions.queues, with the Functions defaults (azure.md §1.9).</summary>
internal sealed record QueueTriggerSettings(
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    bool Base64Encoding)
{
    public static QueueTriggerSettings Default { get; } = new(16, 8, 5, TimeSpan.FromMinutes(1), TimeSpan.Zero, true);
}

/// <summary>One function folder: its name (the folder) and its trigger.</summary>
internal sealed record FunctionDefinition(string Name, FunctionTrigger Trigger);

/// <summary>The trigger binding of a function; <see cref="BindingName"/> is its key in the payload's Data.</summary>
internal abstract record FunctionTrigger(string BindingName);

internal sealed record TimerTrigger(string BindingName, string Schedule, bool RunOnStartup, bool UseMonitor) : FunctionTrigger(BindingName);

internal sealed record QueueTrigger(string BindingName, string QueueName, string? Connection) : FunctionTrigger(BindingName);

internal sealed record HttpTrigger(string BindingName, string? Route, IReadOnlyList<string> Methods, string AuthLevel, string? OutputName)
    : FunctionTrigger(BindingName);
