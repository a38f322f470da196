using DurableTask.Core;

namespace CouponFunctions.LocalHost.Durable;

/// <summary>
/// DTFx looks orchestrations and activities up by name; here every one runs in the worker through <see cref="DurableMiddleware"/>,
/// which never calls on, so the objects only have to exist.
/// </summary>
internal sealed class PlaceholderObjectManager<T>(Func<T> create) : INameVersionObjectManager<T>
{
    public void Add(ObjectCreator<T> creator)
    {
    }

    public T GetObject(string name, string? version) => create();
}

internal sealed class WorkerOrchestration : TaskOrchestration
{
    public override Task<string> Execute(OrchestrationContext context, string input) => throw new NotSupportedException("Orchestrations run in the worker.");

    public override string GetStatus() => throw new NotSupportedException("Orchestrations run in the worker.");

    public override void RaiseEvent(OrchestrationContext context, string name, string input) => throw new NotSupportedException("Orchestrations run in the worker.");
}

internal sealed class WorkerActivity : TaskActivity
{
    public override string Run(TaskContext context, string input) => throw new NotSupportedException("Activities run in the worker.");
}
