using System.Text.Json.Nodes;
using Xunit;

namespace CouponFunctions.Testing;

/// <summary>
/// Asks the running app for a store's sync the way the operator does (POST /api/stores/{id}/sync puts a sync-store message
/// on the real queue for the SyncStore function) and waits, bounded, until the worker recorded the run.
/// </summary>
public static class StoreSyncs
{
    /// <summary>Queues a sync of <paramref name="storeId"/> and returns its finished run; <paramref name="output"/> explains a timeout.</summary>
    public static async Task<JsonNode> SyncAsync(HttpClient admin, string storeId, Func<string> output, int seconds = 60)
    {
        var before = (await RunsAsync(admin, storeId)).Count;
        using var response = await admin.PostAsync($"/api/stores/{storeId}/sync", content: null);
        Assert.Equal(202, (int)response.StatusCode);
        return await NextRunAsync(admin, storeId, before, output, seconds);
    }

    /// <summary>
    /// Waits until the store has more than <paramref name="before"/> sync runs and the newest has finished (a run is
    /// recorded as running when it starts); returns the newest.
    /// </summary>
    public static async Task<JsonNode> NextRunAsync(HttpClient admin, string storeId, int before, Func<string> output, int seconds = 60)
    {
        JsonArray runs = [];
        Assert.True(await Eventually.TrueAsync(async () =>
            (runs = await RunsAsync(admin, storeId)).Count > before && runs[0]!["status"]!.GetValue<string>() != "running", seconds),
            $"No new sync run of {storeId} was recorded. Host output:\n{Tail(output())}");
        return runs[0]!;
    }

    /// <summary>GET /api/stores/{id}/sync-runs, newest first.</summary>
    public static async Task<JsonArray> RunsAsync(HttpClient admin, string storeId)
    {
        using var response = await admin.GetAsync($"/api/stores/{storeId}/sync-runs");
        Assert.Equal(200, (int)response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
    }

    public static string Tail(string text, int characters = 6000) => text.Length <= characters ? text : text[^characters..];
}
