using System.Text.Json;
using CouponFunctions.Core.Common;

namespace CouponFunctions.App.Functions;

/// <summary>Reading queue messages (camelCase JSON, as <c>IWorkQueue</c> writes them) and the host's retry limit.</summary>
internal static class QueueMessages
{
    /// <summary>The Functions host's default when host.json does not set extensions.queues.maxDequeueCount.</summary>
    public const int DefaultMaxDequeueCount = 5;

    /// <summary>The message, or a <see cref="JsonException"/> so the host retries it and finally moves it to the poison queue.</summary>
    public static TMessage Read<TMessage>(string text)
        where TMessage : class =>
        JsonSerializer.Deserialize<TMessage>(text, MessageJson.Options)
        ?? throw new JsonException($"The queue message holds no {typeof(TMessage).Name}.");

    /// <summary>
    /// How many deliveries the host makes before the poison queue: the app setting
    /// AzureFunctionsJobHost__extensions__queues__maxDequeueCount when set (the host's own override), else host.json's.
    /// </summary>
    public static int MaxDequeueCount(IConfiguration configuration) =>
        configuration.GetValue<int?>("AzureFunctionsJobHost:extensions:queues:maxDequeueCount") ?? HostJsonMaxDequeueCount.Value;

    private static readonly Lazy<int> HostJsonMaxDequeueCount = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (!File.Exists(path)) return DefaultMaxDequeueCount;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("queues", out var queues)
            && queues.TryGetProperty("maxDequeueCount", out var count)
                ? count.GetInt32()
                : DefaultMaxDequeueCount;
    });
}
