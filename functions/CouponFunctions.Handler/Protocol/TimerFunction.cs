using System.Text.Json;

namespace CouponFunctions.Handler.Protocol;

/// <summary>The serialized TimerInfo the host sends for a timer trigger (azure.md §1.4).</summary>
internal sealed record TimerInfo(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    public static TimerInfo From(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && BindingValue.AsString(value) is { } text)
        {
            using var document = JsonDocument.Parse(text);
            return From(document.RootElement.Clone());
        }
        if (value.ValueKind != JsonValueKind.Object) return new TimerInfo(false, null, null);
        var status = Get(value, "ScheduleStatus");
        return new TimerInfo(
            BindingValue.AsBoolean(Get(value, "IsPastDue")) ?? false,
            BindingValue.AsDateTimeOffset(Get(status, "Last")),
            BindingValue.AsDateTimeOffset(Get(status, "Next")));
    }

    private static JsonElement Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } property
            ? property.Value
            : default;
}

/// <summary>Base of timer-triggered functions: reads the TimerInfo and runs once.</summary>
internal abstract class TimerFunction : IFunction
{
    public Task InvokeAsync(InvocationContext context, CancellationToken cancellationToken) =>
        RunAsync(TimerInfo.From(context.Request.GetData(context.Function.Trigger.BindingName)), cancellationToken);

    protected abstract Task RunAsync(TimerInfo timer, CancellationToken cancellationToken);
}
