using System.Diagnostics;
using Azure;
using CouponFunctions.Storage.Clients.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Queues;

/// <summary>Visibility, pop receipts and dequeue counts: the pieces a poison-message flow is built from.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueClientVisibilityTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = azurite.Clients.GetQueueClient(azurite.UniqueName("qv"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    /// <summary>Polls until a message is visible again (Azurite's visibility clock ticks in whole seconds).</summary>
    private static async Task<QueueMessage> ReceiveWhenVisibleAsync(QueueClient queue, TimeSpan visibility)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var messages = (await queue.ReceiveMessagesAsync(1, visibility)).Value;
            if (messages.Length == 1) return messages[0];
            await Task.Delay(200);
        }

        throw new TimeoutException("The message did not become visible again.");
    }

    [Fact]
    public async Task UpdateMessageAsync_NewTextVisibleNow_IsReceivedAgainWithNewTextAndHigherCount()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1");
        var first = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value);

        var update = (await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, "v2", TimeSpan.Zero)).Value;
        var second = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.NotEqual(first.PopReceipt, update.PopReceipt);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("v2", second.MessageText);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact]
    public async Task UpdateMessageAsync_ExtendVisibility_HidesTheMessage()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("work");
        var received = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);

        var update = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(10))).Value;
        // Past the original 1 s visibility (Azurite rounds to whole seconds): without the update it would be back by now.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.True(update.NextVisibleOn >= received.NextVisibleOn!.Value.AddMinutes(9));
        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        Assert.Equal(1, (await queue.GetApproximateMessageCountAsync()).Value);
    }

    [Fact]
    public async Task DeleteMessageAsync_PopReceiptReplacedByUpdate_Throws()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("work");
        var received = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value);
        await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));

        Assert.Contains(error.Status, new[] { 400, 404 });
        Assert.Contains(error.ErrorCode, new[] { "PopReceiptMismatch", "MessageNotFound" });
    }

    [Fact]
    public async Task ReceiveMessagesAsync_AfterVisibilityExpires_DequeueCountRisesAndOldReceiptIsStale()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("poison?");
        var first = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);

        var second = await ReceiveWhenVisibleAsync(queue, TimeSpan.FromSeconds(30));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
        await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task SendMessageAsync_InitialVisibilityDelay_HidesUntilDue()
    {
        var queue = await NewQueueAsync();

        var receipt = (await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromMinutes(10))).Value;

        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        Assert.True(receipt.TimeNextVisible >= receipt.InsertionTime.AddMinutes(9));
    }
}
