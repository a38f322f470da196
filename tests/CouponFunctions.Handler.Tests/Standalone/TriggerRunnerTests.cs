using System.Text.Json;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Storage.Runner;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Handler.Tests.Standalone;

/// <summary>The standalone runner reads the test app's function.json/host.json and drives its triggers over Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TriggerRunnerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Timer_EverySecondSchedule_FiresWithoutOverlap()
    {
        await using var factory = new HandlerFactory(azurite, runner: true) { TimerSchedule = "* * * * * *" };
        _ = factory.Server;

        Assert.True(await Eventually.TrueAsync(() => factory.Log.Timers.Count >= 2), "the timer did not fire twice");
        var runs = factory.Log.Timers.ToList();
        Assert.All(runs.Skip(1), r => Assert.NotNull(r.Next));
        Assert.Equal(runs.Count, runs.Select(r => r.Next).Distinct().Count());
    }

    [Fact]
    public async Task Timer_RecordedNextRunPassedWhileStopped_RunsOnceAtStartWithIsPastDue()
    {
        var schedules = new ScheduleStatusStore(azurite.Tables);
        await azurite.Tables.CreateTableIfNotExistsAsync("RunnerSchedules");
        var missed = DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await schedules.SetAsync("TestTimer", new TimerScheduleRecord(missed.AddHours(-1), missed, missed.AddHours(-1)));

        await using var factory = new HandlerFactory(azurite, runner: true);
        _ = factory.Server;

        Assert.True(await Eventually.TrueAsync(() => !factory.Log.Timers.IsEmpty), "the past-due run did not happen");
        var run = Assert.Single(factory.Log.Timers);
        Assert.True(run.IsPastDue);
        Assert.Equal(missed, run.Next);
        Assert.True(await Eventually.TrueAsync(async () => (await schedules.GetAsync("TestTimer"))!.Next > missed), "the next run was not recorded");
    }

    [Fact]
    public async Task Queue_MessageSucceeds_IsDeletedAfterOneRun()
    {
        await using var factory = new HandlerFactory(azurite, runner: true);
        _ = factory.Server;
        var queue = azurite.Queues.GetQueueClient(factory.QueueName);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync(JsonSerializer.Serialize(new { id = "ok-1" }));

        Assert.True(await Eventually.TrueAsync(() => factory.Log.Work.Any(w => w.Work.Id == "ok-1")), "the message was not handled");
        Assert.True(await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0), "the message was not deleted");
        Assert.Single(factory.Log.Work, w => w.Work.Id == "ok-1");
    }

    [Fact]
    public async Task Queue_MessageAlwaysFails_MovesToPoisonAfterMaxDequeueCount()
    {
        await using var factory = new HandlerFactory(azurite, runner: true);
        _ = factory.Server;
        var queue = azurite.Queues.GetQueueClient(factory.QueueName);
        var poison = azurite.Queues.GetQueueClient(factory.QueueName + "-poison");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync(JsonSerializer.Serialize(new { id = "bad-1", fail = true }));

        Assert.True(await Eventually.TrueAsync(async () => (await poison.ExistsAsync()).Value
            && (await poison.PeekMessagesAsync(1)).Value.Length == 1), "the message did not reach the poison queue");
        var poisoned = (await poison.PeekMessagesAsync(1)).Value.Single();
        Assert.Contains("bad-1", poisoned.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal([1L, 2L, 3L], factory.Log.Work.Where(w => w.Work.Id == "bad-1").Select(w => w.DequeueCount).Order());
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Queue_ManyMessages_AreAllHandledExactlyOnce()
    {
        await using var factory = new HandlerFactory(azurite, runner: true);
        _ = factory.Server;
        var queue = azurite.Queues.GetQueueClient(factory.QueueName);
        await queue.CreateIfNotExistsAsync();

        for (var i = 0; i < 20; i++) await queue.SendMessageAsync(JsonSerializer.Serialize(new { id = $"many-{i}" }));

        Assert.True(await Eventually.TrueAsync(() => factory.Log.Work.Count(w => w.Work.Id.StartsWith("many-", StringComparison.Ordinal)) >= 20));
        Assert.Equal(20, factory.Log.Work.Select(w => w.Work.Id).Distinct().Count());
        Assert.True(await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0));
    }
}
