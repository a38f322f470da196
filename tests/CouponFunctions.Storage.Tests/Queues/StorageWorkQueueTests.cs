using System.Text;
using Azure.Storage.Queues;
using CouponFunctions.Core.Sync;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class StorageWorkQueueTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Enqueue_Message_IsBase64JsonOnTheWireAsTheQueueTriggerExpects()
    {
        var tenant = azurite.UniqueName("t");
        // No message encoding on this client: it reads the text exactly as it is on the wire.
        var plain = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var queue = plain.GetQueueClient(QueueNames.SyncStore);
        await queue.CreateIfNotExistsAsync();

        await new StorageWorkQueue(azurite.Queues).EnqueueAsync(new SyncStoreMessage(tenant, "s-1", "manual", Now));
        var ours = await FindAsync(queue, wire => Decode(wire).Contains(tenant, StringComparison.Ordinal));

        Assert.NotNull(ours);
        Assert.StartsWith("{\"tenantId\":\"" + tenant + "\"", Decode(ours), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enqueue_WithDelay_StaysInvisibleUntilThen()
    {
        var tenant = azurite.UniqueName("t");
        var queue = azurite.Queues.GetQueueClient(QueueNames.SyncStore);
        await queue.CreateIfNotExistsAsync();

        await new StorageWorkQueue(azurite.Queues).EnqueueAsync(new SyncStoreMessage(tenant, "s-1", "retry", Now), TimeSpan.FromMinutes(10));

        Assert.Null(await FindAsync(queue, text => text.Contains(tenant, StringComparison.Ordinal)));
    }

    /// <summary>Peeks the visible messages (other tests share the queue) for one of ours; peeking leaves them for the others.</summary>
    private static async Task<string?> FindAsync(QueueClient queue, Func<string, bool> match) =>
        (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).FirstOrDefault(match);

    private static string Decode(string wire)
    {
        var bytes = new byte[wire.Length];
        return Convert.TryFromBase64String(wire, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : string.Empty;
    }
}
