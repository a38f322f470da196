using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CouponFunctions.App.Tests.Infrastructure;

/// <summary>Calls the API with JSON and reads the answers.</summary>
internal static class ApiClient
{
    public static async Task<(int Status, JsonNode? Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>Sends <paramref name="json"/> as it is (duplicate properties, odd shapes) as application/json.</summary>
    public static async Task<(int Status, JsonNode? Body)> SendRawJsonAsync(this HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>The field names of a 400 validation problem's errors.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonNode? problem) =>
        problem?["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];

    public static async Task<string> AddStoreAsync(this HttpClient client, string shopId, string platform = "shopee", string site = "TH")
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform, site, shopId, displayName = $"Shop {shopId}" });
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    public static async Task<string> IssueKeyAsync(this HttpClient admin, string role, params string[] scope)
    {
        var (status, body) = await admin.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = $"{role} key", role, storeScope = scope.Length == 0 ? null : scope });
        Assert.Equal(201, status);
        return body!["key"]!.GetValue<string>();
    }
}
