using Azure.Storage.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.LocalHost.Tests;

/// <summary>Queue triggers: base64 messages with their metadata, deleted on success, retried then poisoned on failure (host.json maxDequeueCount 3).</summary>
[Collection(HostCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Message_FunctionSucceeds_RunsOnceWithMetadataAndIsDeleted()
    {
        await using var app = await TestAppHost.StartAsync(storage, "queue-ok");
        var queue = Queue(app);
        await queue.CreateIfNotExistsAsync();

        var sent = await queue.SendMessageAsync("hello-queue");

        var runs = await app.WaitForAsync(() => app.RecordsAsync("work"), r => r.Count >= 1, "the queue function to run");
        var run = Assert.Single(runs);
        Assert.Equal("hello-queue", run.GetProperty("message").GetString());
        Assert.Equal(sent.Value.MessageId, run.GetProperty("Id").GetString());
        Assert.Equal("1", run.GetProperty("DequeueCount").GetString());
        Assert.False(string.IsNullOrEmpty(run.GetProperty("PopReceipt").GetString()));
        Assert.Contains(TimeProvider.System.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture), run.GetProperty("InsertionTime").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(run.GetProperty("ExpirationTime").GetString()));
        Assert.False(string.IsNullOrEmpty(run.GetProperty("NextVisibleTime").GetString()));
        await app.WaitForAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount, c => c == 0, "the message to be deleted");
    }

    [Fact]
    public async Task Message_FunctionAlwaysFails_TriedMaxDequeueCountTimesThenMovedToPoison()
    {
        await using var app = await TestAppHost.StartAsync(storage, "queue-poison");
        var queue = Queue(app);
        var poison = new QueueClient(storage.ConnectionString, queue.Name + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("fail-always");

        var poisoned = await app.WaitForAsync(
            async () => await poison.ExistsAsync() ? (await poison.PeekMessagesAsync(10)).Value : [],
            m => m.Length >= 1,
            "the message in the poison queue");
        Assert.Equal("fail-always", Assert.Single(poisoned).Body.ToString());
        var runs = await app.RecordsAsync("work");
        Assert.Equal(["1", "2", "3"], runs.Select(r => r.GetProperty("DequeueCount").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private QueueClient Queue(TestAppHost app)
        => new(storage.ConnectionString, app.Settings["WorkQueue"], new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
