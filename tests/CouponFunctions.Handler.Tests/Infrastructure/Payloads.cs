using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CouponFunctions.Handler.Tests.Infrastructure;

/// <summary>Synthetic Functions-host invocations (azure.md §1.4) and reading their answers.</summary>
internal static class Payloads
{
    public static async Task<(int Status, JsonNode Body)> InvokeAsync(HttpClient client, string function, object payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{function}") { Content = JsonContent.Create(payload) };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.0");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!);
    }

    public static object Sys(string method) => new { MethodName = method, UtcNow = "2026-11-21T01:00:00Z", RandGuid = Guid.NewGuid() };

    /// <summary>The host double-encodes strings: the message text, serialized as JSON, inside a JSON string.</summary>
    public static string DoubleEncoded(string text) => JsonSerializer.Serialize(text);
}
