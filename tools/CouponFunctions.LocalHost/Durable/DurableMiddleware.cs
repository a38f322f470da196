using System.Globalization;
using System.Text.Json;
using CouponFunctions.LocalHost.Worker;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using P = Microsoft.DurableTask.Protobuf;

namespace CouponFunctions.LocalHost.Durable;

/// <summary>
/// The host half of Durable Functions for isolated workers, shaped as the real extension's out-of-process middleware: DTFx
/// dispatches an orchestration work item, the orchestrator function receives the base64 protobuf <c>OrchestratorRequest</c>
/// (past and new history) and returns the base64 <c>OrchestratorResponse</c> (actions, custom status), which goes back to DTFx
/// as the execution result; an activity function receives its JSON input and its return value becomes the JSON result.
/// A worker that dies or times out aborts the work item (DTFx retries it); a function that throws fails the task.
/// </summary>
internal sealed class DurableMiddleware(WorkerChannel channel, FunctionInvoker invoker, CancellationToken stopping)
{
    public async Task CallOrchestratorAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var state = context.GetProperty<OrchestrationRuntimeState>();
        var instance = context.GetProperty<OrchestrationInstance>();
        var function = await FindAsync(state.Name, "orchestrationTrigger").ConfigureAwait(false);
        if (function is null)
        {
            context.SetProperty(OrchestratorExecutionResult.ForFailure($"The orchestrator function '{state.Name}' does not exist.", details: null));
            return;
        }

        var request = new P.OrchestratorRequest { InstanceId = instance.InstanceId };
        request.PastEvents.AddRange(state.PastEvents.Select(ProtobufUtils.ToHistoryEventProto));
        request.NewEvents.AddRange(state.NewEvents.Select(ProtobufUtils.ToHistoryEventProto));
        var invocation = new InvocationRequest();
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { String = ProtobufUtils.Base64Encode(request) } });

        var result = await invoker.InvokeAsync(function, invocation, stopping).ConfigureAwait(false);
        if (result.WorkerLost || stopping.IsCancellationRequested) throw new SessionAbortedException($"Orchestrator {state.Name} was not run: {result.Error}");
        if (!result.Success || result.Response?.ReturnValue?.String is not { Length: > 0 } encoded)
        {
            context.SetProperty(OrchestratorExecutionResult.ForFailure($"Function '{state.Name}' failed with an unhandled exception.", result.Error ?? "no OrchestratorResponse"));
            return;
        }

        var response = P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(encoded));
        context.SetProperty(new OrchestratorExecutionResult
        {
            Actions = response.Actions.Select(ProtobufUtils.ToOrchestratorAction).Select(Plain).ToList(),
            CustomStatus = response.CustomStatus,
        });
    }

    public async Task CallActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var scheduled = context.GetProperty<TaskScheduledEvent>();
        var instance = context.GetProperty<OrchestrationInstance>();
        var function = await FindAsync(scheduled.Name ?? string.Empty, "activityTrigger").ConfigureAwait(false);
        if (function is null)
        {
            Fail(context, scheduled, "ActivityFunctionNotFound", $"The activity function '{scheduled.Name}' does not exist.", null);
            return;
        }

        var invocation = new InvocationRequest();
        var input = new TypedData();
        if (Unwrap(scheduled.Input) is { } json) input.String = json;
        invocation.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = input });
        invocation.TriggerMetadata["instanceId"] = new TypedData { String = instance.InstanceId };

        var result = await invoker.InvokeAsync(function, invocation, stopping).ConfigureAwait(false);
        if (result.WorkerLost || stopping.IsCancellationRequested) throw new SessionAbortedException($"Activity {scheduled.Name} was not run: {result.Error}");
        if (!result.Success)
        {
            Fail(context, scheduled, result.Exception?.Type ?? "Exception", result.Error ?? "The activity failed.", result.Exception?.StackTrace);
            return;
        }

        context.SetProperty(new ActivityExecutionResult
        {
            ResponseEvent = new TaskCompletedEvent(-1, scheduled.EventId, ToJson(result.Response!.ReturnValue)),
        });
    }

    /// <summary>
    /// The worker's orchestration context schedules activities through DTFx, which serializes the input as a one-element
    /// array; the activity gets the element, as the real extension unwraps it for isolated workers.
    /// </summary>
    private static string? Unwrap(string? input)
    {
        if (string.IsNullOrEmpty(input)) return null;
        using var document = JsonDocument.Parse(input);
        if (document.RootElement.ValueKind != JsonValueKind.Array) return input;
        return document.RootElement.GetArrayLength() switch
        {
            0 => null,
            1 => document.RootElement[0].ValueKind == JsonValueKind.Null ? null : document.RootElement[0].GetRawText(),
            _ => input,
        };
    }

    private async Task<FunctionDescriptor?> FindAsync(string name, string triggerType)
    {
        var functions = await channel.FirstLoad.ConfigureAwait(false);
        return functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(f.TriggerType, triggerType, StringComparison.OrdinalIgnoreCase));
    }

    private static void Fail(DispatchMiddlewareContext context, TaskScheduledEvent scheduled, string type, string message, string? stackTrace)
        => context.SetProperty(new ActivityExecutionResult
        {
            ResponseEvent = new TaskFailedEvent(-1, scheduled.EventId, message, stackTrace, new FailureDetails(type, message, stackTrace, null, false)),
        });

    /// <summary>The activity's return value as the JSON DTFx stores (a string return is a JSON string, as the real host serializes it).</summary>
    private static string? ToJson(TypedData? value) => value?.DataCase switch
    {
        TypedData.DataOneofCase.Json => value.Json,
        TypedData.DataOneofCase.String => JsonSerializer.Serialize(value.String),
        TypedData.DataOneofCase.Int => value.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Double => value.Double.ToString("R", CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Bytes => JsonSerializer.Serialize(value.Bytes.ToBase64()),
        _ => null,
    };

    /// <summary>
    /// The sidecar's converter returns its own action subclasses (with trace context); DTFx only needs its plain ones, and
    /// plain ones with plain dictionaries are what the Azure Storage backend can write and read back.
    /// </summary>
    private static OrchestratorAction Plain(OrchestratorAction action) => action switch
    {
        ScheduleTaskOrchestratorAction task when task.GetType() != typeof(ScheduleTaskOrchestratorAction) => new ScheduleTaskOrchestratorAction
        {
            Id = task.Id,
            Name = task.Name,
            Version = task.Version,
            Input = task.Input,
            Tags = task.Tags is null ? null : new Dictionary<string, string>(task.Tags, StringComparer.Ordinal),
        },
        CreateSubOrchestrationAction sub when sub.GetType() != typeof(CreateSubOrchestrationAction) => new CreateSubOrchestrationAction
        {
            Id = sub.Id,
            Name = sub.Name,
            Version = sub.Version,
            InstanceId = sub.InstanceId,
            Input = sub.Input,
            Tags = sub.Tags is null ? null : new Dictionary<string, string>(sub.Tags, StringComparer.Ordinal),
        },
        _ => action,
    };
}
