using System.Text.Json.Nodes;
using Xunit;

namespace CouponFunctions.Testing;

/// <summary>
/// Asks the running app for a store's sync the way the operator does (POST /api/stores/{id}/sync puts a sync-store message
/// on the real queue for the SyncStore function) and waits, bounded, until the worker recorded the run.
/// </summary>
public static class StoreSyncs
{
    /// <summary>
    /// Asks for a sync of <paramref name="storeId"/> and returns the finished run the API answered with (a new one, or the
    /// one already queued or running); <paramref name="output"/> explains a timeout.
    /// </summary>
    public static async Task<JsonNode> SyncAsync(HttpClient admin, string storeId, Func<string> output, int seconds = 60)
    {
        using var response = await admin.PostAsync($"/api/stores/{storeId}/sync", content: null);
        Assert.Equal(202, (int)response.StatusCode);
        var runId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["runId"]!.GetValue<string>();
        return await RunAsync(admin, storeId, runId, output, seconds);
    }

    /// <summary>Waits until the run <paramref name="runId"/> of the store is recorded and finished; returns it.</summary>
    public static async Task<JsonNode> RunAsync(HttpClient admin, string storeId, string runId, Func<string> output, int seconds = 60)
    {
        JsonNode? run = null;
        Assert.True(await Eventually.TrueAsync(async () =>
            (run = (await RunsAsync(admin, storeId)).FirstOrDefault(r => r!["runId"]!.GetValue<string>() == runId)) is not null
            && run["status"]!.GetValue<string>() != "running", seconds),
            $"Sync run {runId} of {storeId} did not finish. Host output:\n{Tail(output())}");
        return run!;
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
