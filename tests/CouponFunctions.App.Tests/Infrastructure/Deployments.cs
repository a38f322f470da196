using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponFunctions.Testing;

namespace CouponFunctions.App.Tests.Infrastructure;

/// <summary>Templates, deploys and job waits as an operator sends them.</summary>
internal static class Deployments
{
    /// <summary>A fixed-amount template every Shopee site takes: prefix "DP" + a 3-character store suffix, starting in an hour for 7 days.</summary>
    public static object Template(string name, string? campaign = "Mid-Year Sale", string prefix = "DP") => new
    {
        name,
        displayNamePattern = "{name}",
        campaign = campaign is null ? null : new { name = campaign, channel = "newsletter" },
        discount = new { type = "fixedAmount", amount = new Dictionary<string, decimal> { ["THB"] = 20, ["SGD"] = 2, ["MYR"] = 3 } },
        minSpend = new Dictionary<string, decimal> { ["THB"] = 200, ["SGD"] = 20, ["MYR"] = 30 },
        totalQuantity = 100,
        code = new { mode = "prefix", value = prefix, suffixLength = 3 },
        validity = new { type = "relative", startAfterHours = 1, durationDays = 7 },
    };

    public static async Task<string> AddTemplateAsync(this HttpClient client, string name, string prefix = "DP")
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/templates", Template(name, prefix: prefix));
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>POST /api/deployments with an Idempotency-Key.</summary>
    public static async Task<(int Status, JsonNode? Body)> DeployAsync(this HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deployments") { Content = JsonContent.Create(body) };
        if (key.Length > 0) request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>POST /api/coupons/actions with an Idempotency-Key.</summary>
    public static async Task<(int Status, JsonNode? Body)> ActAsync(this HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/coupons/actions") { Content = JsonContent.Create(body) };
        if (key.Length > 0) request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Dictionary<string, JsonNode> ItemsByCoupon(JsonNode job) =>
        job["items"]!.AsArray().ToDictionary(i => i!["couponId"]!.GetValue<string>(), i => i!);

    /// <summary>Polls GET /api/jobs/{id} until the job is no longer running (and has its failure report, if any); returns the last answer.</summary>
    public static async Task<JsonNode> WaitForJobAsync(this HttpClient client, string jobId, Func<string> hostOutput, int seconds = 90)
    {
        JsonNode? last = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            (_, last) = await client.SendJsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}?pageSize=200");
            // The failure report is written right after the last item's count: wait for it too when items failed.
            var job = last?["job"];
            return job?["status"]?.GetValue<string>() is { } s && s != "running"
                && (job["counts"]!["failed"]!.GetValue<int>() + job["counts"]!["cancelled"]!.GetValue<int>() == 0 || job["failureReport"] is not null);
        }, seconds), $"Job {jobId} did not finish: {last?.ToJsonString()}\nHost output:\n{Workspace.Tail(hostOutput())}");
        return last!;
    }

    public static Dictionary<string, JsonNode> ItemsByStore(JsonNode job) =>
        job["items"]!.AsArray().ToDictionary(i => i!["storeId"]!.GetValue<string>(), i => i!);
}
