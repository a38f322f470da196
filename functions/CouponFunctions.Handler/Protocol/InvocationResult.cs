using System.Text.Json.Serialization;

namespace CouponFunctions.Handler.Protocol;

/// <summary>The response the host expects: <c>{ "Outputs": {...}, "Logs": [...], "ReturnValue": ... }</c> (azure.md §1.5).</summary>
internal sealed class InvocationResult
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; } = [];

    /// <summary>Lines the host writes at Information level (to Application Insights in Azure).</summary>
    [JsonPropertyName("Logs")]
    public List<string> Logs { get; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; set; }
}
