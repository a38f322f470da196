using System.Text.Json;
using Azure.Storage.Blobs;
using CouponFunctions.Testing;

namespace CouponFunctions.LocalHost.Tests;

/// <summary>Monitored timers: the schedule status survives a restart, so a missed occurrence fires once as past due and none fires twice.</summary>
[Collection(HostCollection.Name)]
public sealed class TimerTriggerTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Restart_AfterAMissedOccurrence_FiresOncePastDueAndNoOccurrenceTwice()
    {
        await using var app = await TestAppHost.StartAsync(storage, "timer", new Dictionary<string, string> { ["TickSchedule"] = "*/3 * * * * *" });
        var status = new BlobContainerClient(storage.ConnectionString, "azure-webjobs-hosts")
            .GetBlobClient($"timers/{app.Settings["AzureFunctionsWebHost__hostid"]}/Tick/status");

        // Kill only once the status records the last run, so the kill does not land inside a run (which would re-run it).
        await app.WaitForAsync(
            async () => (await app.RecordsAsync("tick"), await ReadLastAsync(status)),
            s => s.Item1.Count >= 2 && s.Item2 is { } last && s.Item1.Max(Next) == last,
            "two ticks recorded in the schedule status");
        app.Host.Kill();
        var beforeKill = (await app.RecordsAsync("tick")).Count;
        await Task.Delay(TimeSpan.FromSeconds(7));
        await app.Host.RestartAsync();
        var ticks = await app.WaitForAsync(
            () => app.RecordsAsync("tick"),
            r => r.Any(IsPastDue) && r.Count >= beforeKill + 2,
            "a past-due tick and one on schedule after the restart");

        Assert.Single(ticks, IsPastDue);
        Assert.Equal(ticks.Count, ticks.Select(Next).Distinct().Count());
        Assert.All(ticks.Where(t => !IsPastDue(t)), t => Assert.True(Next(t) > DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task Start_NextOccurrenceMoreThan49DaysAway_HostWaitsAndKeepsServing()
    {
        // 29 February: the next one is more than a year away, beyond what one Task.Delay can wait (about 49.7 days).
        await using var app = await TestAppHost.StartAsync(storage, "timer-far", new Dictionary<string, string> { ["TickSchedule"] = "0 0 0 29 2 *" });
        var status = new BlobContainerClient(storage.ConnectionString, "azure-webjobs-hosts")
            .GetBlobClient($"timers/{app.Settings["AzureFunctionsWebHost__hostid"]}/Tick/status");
        var next = await app.WaitForAsync(() => ReadAsync(status, "Next"), n => n is not null, "the schedule status with the next occurrence");

        var response = await app.Host.Client.GetAsync("api/items/1/x");

        Assert.True(next > TimeProvider.System.GetUtcNow().AddDays(50));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(app.Host.ProcessId);
        Assert.DoesNotContain("BackgroundService failed", app.Host.Output, StringComparison.Ordinal);
        Assert.Empty(await app.RecordsAsync("tick"));
    }

    private static bool IsPastDue(JsonElement tick) => tick.GetProperty("IsPastDue").GetBoolean();

    private static DateTimeOffset Next(JsonElement tick) => tick.GetProperty("Next").GetDateTimeOffset();

    private static Task<DateTimeOffset?> ReadLastAsync(BlobClient status) => ReadAsync(status, "Last");

    private static async Task<DateTimeOffset?> ReadAsync(BlobClient status, string property)
    {
        if (!await status.ExistsAsync()) return null;
        var content = await status.DownloadContentAsync();
        return JsonDocument.Parse(content.Value.Content.ToString()).RootElement.GetProperty(property).GetDateTimeOffset();
    }
}
