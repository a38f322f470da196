using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CouponFunctions.Browser.Tests.Infrastructure;

/// <summary>Invokes the real functions with the payloads the Functions host sends for a queue message (azure.md §1.4).</summary>
public sealed class FunctionHost(HttpClient raw)
{
    public async Task<JsonNode?> DeliverAsync(string function, string messageText, int dequeueCount = 1)
    {
        var payload = new
        {
            // The host double-encodes strings: the message text, serialized as JSON, inside a JSON string.
            Data = new { message = JsonSerializer.Serialize(messageText) },
            Metadata = new { DequeueCount = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Id = Guid.NewGuid().ToString() },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{function}") { Content = JsonContent.Create(payload) };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.0");
        using var response = await raw.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"/{function} answered {(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
    }
}
