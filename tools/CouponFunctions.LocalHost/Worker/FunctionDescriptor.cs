using System.Text.Json.Nodes;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace CouponFunctions.LocalHost.Worker;

/// <summary>One function as the worker described it (worker indexing): its name, its trigger binding and its other bindings.</summary>
internal sealed class FunctionDescriptor
{
    private FunctionDescriptor(string name, string id, JsonObject trigger, IReadOnlyList<JsonObject> bindings)
    {
        Name = name;
        Id = id;
        Trigger = trigger;
        Bindings = bindings;
    }

    public string Name { get; }

    /// <summary>The id the worker gave the function; invocations name it.</summary>
    public string Id { get; }

    /// <summary>The trigger binding as raw JSON (<c>type</c>, <c>name</c>, <c>route</c>, <c>schedule</c>, <c>queueName</c>, ...).</summary>
    public JsonObject Trigger { get; }

    public string TriggerType => Trigger["type"]?.GetValue<string>() ?? string.Empty;

    public string TriggerName => Trigger["name"]?.GetValue<string>() ?? string.Empty;

    /// <summary>Every binding as raw JSON, the trigger included.</summary>
    public IReadOnlyList<JsonObject> Bindings { get; }

    public IEnumerable<JsonObject> InputBindingsOfType(string type) => Bindings.Where(b =>
        string.Equals(b["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase)
        && string.Equals(b["direction"]?.GetValue<string>(), "in", StringComparison.OrdinalIgnoreCase));

    public static FunctionDescriptor FromMetadata(RpcFunctionMetadata metadata)
    {
        var bindings = metadata.RawBindings.Select(raw => JsonNode.Parse(raw) as JsonObject
            ?? throw new InvalidOperationException($"Function {metadata.Name} has a binding that is not a JSON object.")).ToList();
        var trigger = bindings.FirstOrDefault(b => b["type"]?.GetValue<string>()?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidOperationException($"Function {metadata.Name} has no trigger binding.");
        return new FunctionDescriptor(metadata.Name, metadata.FunctionId, trigger, bindings);
    }

    public string? TriggerString(string property) => Trigger[property] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };

    public bool TriggerBool(string property, bool fallback) => Trigger[property] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) => parsed,
        _ => fallback,
    };
}
