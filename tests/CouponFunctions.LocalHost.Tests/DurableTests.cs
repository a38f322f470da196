using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Testing;

namespace CouponFunctions.LocalHost.Tests;

/// <summary>
/// Durable Functions through the host: the test app's FanOut orchestration (50 activities, a sub-orchestration, a durable
/// timer, custom status, an external event) started, queried and signalled through the app's own HTTP functions and their
/// Durable client binding, on the Azure Storage backend in Azurite; the host is killed in the middle of the fan-out.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DurableTests(AzuriteFixture storage)
{
    private const int Activities = 50;
    private const int GateFrom = 10;

    [Fact]
    public async Task FanOut_HostKilledMidFanOutAndRestarted_CompletesWithEveryActivityResult()
    {
        await using var app = await TestAppHost.StartAsync(storage, "durable-kill");
        var id = await StartAsync(app, new { count = Activities, gateFrom = GateFrom, record = true, waitForApproval = true });

        // Activities from GateFrom on hold until the gate opens, so the kill lands while the fan-out is incomplete.
        await app.WaitForAsync(() => app.RecordsAsync("square-" + id), r => r.Count >= GateFrom, "the first activities to run", TimeSpan.FromMinutes(2));
        await app.WaitForAsync(() => StatusAsync(app, id), s => s.CustomStatus == "\"fanning-out\"", "the custom status of the fan-out");
        var started = (await app.RecordsAsync("square-" + id)).Count;
        app.Host.Kill();
        await app.Records.UpsertEntityAsync(new TableEntity("gate", id));
        await app.Host.RestartAsync();

        await app.WaitForAsync(() => StatusAsync(app, id), s => s.CustomStatus == "\"waiting-for-approval\"", "the orchestration to wait for approval", TimeSpan.FromMinutes(4));
        var raised = await app.Host.Client.PostAsync($"api/orchestrations/{id}/approval/granted", null);
        var done = await app.WaitForAsync(() => StatusAsync(app, id), s => s.Status is "Completed" or "Failed" or "Terminated", "the orchestration to complete", TimeSpan.FromMinutes(2));

        Assert.InRange(started, GateFrom, Activities);
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        Assert.True(done.Status == "Completed", $"{done.Status}: {done.Failure}\n{app.Host.Output}");
        Assert.Equal("\"done\"", done.CustomStatus);
        var output = JsonDocument.Parse(done.Output!).RootElement;
        Assert.Equal(Enumerable.Range(0, Activities).Sum(i => i * i), output.GetProperty("Sum").GetInt32());
        Assert.Equal(Activities * 2, output.GetProperty("SubResult").GetInt32());
        Assert.Equal("granted", output.GetProperty("Approval").GetString());
        // At least once: every index ran, some possibly twice (those cut off by the kill), none that does not exist.
        var runs = (await app.RecordsAsync("square-" + id)).Select(r => r.GetProperty("Index").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, Activities), runs.Distinct().Order());
        Assert.InRange(runs.Count, Activities, Activities * 2);
    }

    [Fact]
    public async Task FanOut_NoEvent_CompletesAndClientSeesOutput()
    {
        await using var app = await TestAppHost.StartAsync(storage, "durable-plain");

        var id = await StartAsync(app, new { count = 5, gateFrom = int.MaxValue, record = false, waitForApproval = false });
        var done = await app.WaitForAsync(() => StatusAsync(app, id), s => s.Status is "Completed" or "Failed", "the orchestration to complete");

        Assert.True(done.Status == "Completed", $"{done.Status}: {done.Failure}");
        var output = JsonDocument.Parse(done.Output!).RootElement;
        Assert.Equal(30, output.GetProperty("Sum").GetInt32());
        Assert.Equal(10, output.GetProperty("SubResult").GetInt32());
        Assert.Equal(JsonValueKind.Null, output.GetProperty("Approval").ValueKind);
    }

    private static async Task<string> StartAsync(TestAppHost app, object input)
    {
        var response = await app.Host.Client.PostAsJsonAsync("api/orchestrations/fanout", input);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}\n{app.Host.Output}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<InstanceStatus> StatusAsync(TestAppHost app, string id)
    {
        using var response = await app.Host.Client.GetAsync($"api/orchestrations/{id}");
        if (response.StatusCode != HttpStatusCode.OK) return new InstanceStatus($"HTTP {(int)response.StatusCode}", null, null, null);
        return (await response.Content.ReadFromJsonAsync<InstanceStatus>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    private sealed record InstanceStatus(string Status, string? CustomStatus, string? Output, string? Failure);
}
