using System.Text;
using Azure;
using CouponFunctions.Storage.Clients;
using CouponFunctions.Storage.Clients.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync(StorageClients? clients = null)
    {
        var queue = (clients ?? azurite.Clients).GetQueueClient(azurite.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task CreateIfNotExistsAndDeleteIfExists_ReportWhetherSomethingChanged()
    {
        var queue = azurite.Clients.GetQueueClient(azurite.UniqueName("q"));

        Assert.True((await queue.CreateIfNotExistsAsync()).Value);
        Assert.False((await queue.CreateIfNotExistsAsync()).Value);
        Assert.True((await queue.DeleteIfExistsAsync()).Value);
        Assert.False((await queue.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task SendReceiveDelete_OneMessage_LeavesQueueEmpty()
    {
        var queue = await NewQueueAsync();

        var receipt = (await queue.SendMessageAsync("{\"storeId\":\"s1\"}")).Value;
        var received = Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromSeconds(30))).Value);
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal("{\"storeId\":\"s1\"}", received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.False(received.DecodingFailed);
        Assert.NotNull(received.InsertedOn);
        Assert.True(received.ExpiresOn > received.InsertedOn);
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.True(receipt.ExpirationTime > receipt.InsertionTime);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task SendMessageAsync_NonAsciiText_IsBase64OnTheWireAndDecodedOnReceive()
    {
        var clients = azurite.CreateClients();
        var queue = await NewQueueAsync(clients);
        var raw = azurite.CreateClients(new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(queue.Name);
        const string text = "Khuyến mãi 🎟️ ส่วนลด <b>&'\"\r\n";

        await queue.SendMessageAsync(text);
        var onTheWire = Assert.Single((await raw.PeekMessagesAsync()).Value).MessageText;
        var decoded = Assert.Single((await queue.ReceiveMessagesAsync()).Value).MessageText;

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), onTheWire);
        Assert.Equal(text, decoded);
    }

    [Fact]
    public async Task SendMessageAsync_NoneEncodingWithXmlCharacters_RoundTrips()
    {
        var clients = azurite.CreateClients(new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var queue = await NewQueueAsync(clients);
        const string text = "<a href=\"x?y=1&z=2\">it's</a>\r\nline two";

        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single((await queue.ReceiveMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_PlainTextWithBase64Client_FlagsDecodingFailure()
    {
        var queue = await NewQueueAsync();
        var raw = azurite.CreateClients(new StorageClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(queue.Name);
        await raw.SendMessageAsync("not base64 at all!");

        var message = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.True(message.DecodingFailed);
        Assert.Equal("not base64 at all!", message.MessageText);
    }

    [Fact]
    public async Task SendMessageAsync_EncodedSizeAtLimit_IsAccepted()
    {
        var queue = await NewQueueAsync();
        var text = new string('a', 49_152); // exactly 65,536 base64 characters

        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single((await queue.ReceiveMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task SendMessageAsync_EncodedSizeOver64KiB_ThrowsBeforeSending()
    {
        var queue = TestConnections.Unreachable().GetQueueClient("work-items");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('a', 49_153)));

        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
        Assert.Equal("messageText", error.ParamName);
    }

    [Fact]
    public async Task PeekMessagesAsync_LeavesVisibilityAndCountUnchanged()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");

        var peeked = (await queue.PeekMessagesAsync(32)).Value;
        var received = (await queue.ReceiveMessagesAsync(32)).Value;

        Assert.Equal(["a", "b"], peeked.Select(m => m.MessageText));
        Assert.All(peeked, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(2, received.Length);
        Assert.All(received, m => Assert.Equal(1, m.DequeueCount));
    }

    [Fact]
    public async Task GetApproximateMessageCountAsync_CountsSentMessages()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 3; i++) await queue.SendMessageAsync($"m{i}");

        Assert.Equal(3, (await queue.GetApproximateMessageCountAsync()).Value);
    }

    [Fact]
    public async Task SendMessageAsync_TimeToLiveNever_ExpiresFarInTheFuture()
    {
        var queue = await NewQueueAsync();

        var receipt = (await queue.SendMessageAsync("keep", timeToLive: TimeSpan.FromSeconds(-1))).Value;

        Assert.True(receipt.ExpirationTime.Year >= 9999, $"expires {receipt.ExpirationTime:O}");
    }

    [Fact]
    public async Task DeleteMessageAsync_MissingQueue_ThrowsWithErrorCode()
    {
        var queue = azurite.Clients.GetQueueClient(azurite.UniqueName("missing"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Work-Items")]
    [InlineData("work--items")]
    [InlineData("-work")]
    [InlineData("work-")]
    [InlineData("work_items")]
    public void GetQueueClient_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => TestConnections.Unreachable().GetQueueClient(name));
    }

    [Fact]
    public async Task ReceiveMessagesAsync_MoreThan32_ThrowsBeforeSending()
    {
        var queue = TestConnections.Unreachable().GetQueueClient("work-items");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33));
    }
}
