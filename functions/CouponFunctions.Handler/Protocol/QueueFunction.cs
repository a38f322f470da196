using System.Text.Json;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Handler.Protocol;

/// <summary>The queue trigger's metadata (azure.md §1.4): numbers may arrive as strings.</summary>
internal sealed record QueueMessageInfo(string? Id, long DequeueCount, DateTimeOffset? InsertionTime)
{
    public static QueueMessageInfo From(InvocationRequest request) => new(
        BindingValue.AsString(request.GetMetadata("Id")),
        BindingValue.AsInt64(request.GetMetadata("DequeueCount")) ?? 1,
        BindingValue.AsDateTimeOffset(request.GetMetadata("InsertionTime")));
}

/// <summary>Base of queue-triggered functions: decodes the message (clean or double-encoded JSON) and handles it.</summary>
internal abstract class QueueFunction<TMessage> : IFunction
    where TMessage : class
{
    public Task InvokeAsync(InvocationContext context, CancellationToken cancellationToken)
    {
        var raw = context.Request.GetData(context.Function.Trigger.BindingName);
        TMessage? message;
        try
        {
            message = BindingValue.AsJson<TMessage>(raw, MessageJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidInvocationException($"The {typeof(TMessage).Name} in the queue message is not valid JSON: {e.Message}", e);
        }
        if (message is null) throw new InvalidInvocationException($"The queue message has no {typeof(TMessage).Name}.");
        return HandleAsync(message, QueueMessageInfo.From(context.Request), cancellationToken);
    }

    protected abstract Task HandleAsync(TMessage message, QueueMessageInfo info, CancellationToken cancellationToken);
}
