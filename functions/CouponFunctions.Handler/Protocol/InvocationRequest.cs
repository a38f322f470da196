using System.Text.Json;

namespace CouponFunctions.Handler.Protocol;

/// <summary>The host's invocation payload: <c>{ "Data": {...}, "Metadata": {...} }</c> (azure.md §1.4).</summary>
internal sealed class InvocationRequest
{
    private InvocationRequest(JsonElement data, JsonElement metadata)
    {
        Data = data;
        Metadata = metadata;
    }

    public JsonElement Data { get; }

    public JsonElement Metadata { get; }

    public static InvocationRequest Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return new InvocationRequest(default, default);
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidInvocationException("The invocation payload must be a JSON object with Data and Metadata.");
        var root = document.RootElement.Clone();
        return new InvocationRequest(Property(root, "Data"), Property(root, "Metadata"));
    }

    public JsonElement GetData(string bindingName) => Property(Data, bindingName);

    public JsonElement GetMetadata(string name) => Property(Metadata, name);

    /// <summary>Case-insensitive lookup: the host's casing of binding data keys is not always the function.json casing.</summary>
    private static JsonElement Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return default;
        if (element.TryGetProperty(name, out var exact)) return exact;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }
        return default;
    }
}

/// <summary>The payload does not have the shape a function needs; the host should see a failed invocation.</summary>
internal sealed class InvalidInvocationException(string message, Exception? inner = null) : Exception(message, inner);
