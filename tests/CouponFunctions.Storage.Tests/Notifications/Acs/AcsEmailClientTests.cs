using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure;
using CouponFunctions.Storage.Notifications.Acs;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Notifications.Acs;

public sealed class AcsEmailClientTests : IAsyncLifetime
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("acs-test-access-key-0123456789abcdef");
    private FakeAcsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAcsServer.StartAsync(Key);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AcsEmailClient Client(string? key = null) =>
        new(_server.ConnectionString(key), new AcsEmailClientOptions { Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxRetries = 2 } });

    private static EmailMessage Message() => new(
        "DoNotReply@coupons.example",
        new EmailRecipients([new EmailAddress("merchant@example.com", "Merchant Ng")], bcc: [new EmailAddress("audit@example.com")]),
        new EmailContent("Send #42 finished: 998 sent, 2 failed") { PlainText = "Report: https://x/y", Html = "<p>Report ready ✓</p>" });

    [Fact]
    public async Task SendAsync_CorrectKey_ServerAcceptsSignatureAndBody()
    {
        var operationId = AcsEmailClient.CreateOperationId("send-42/merchant");

        var result = await Client().SendAsync(Message(), operationId);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(operationId, result.Value.Id);
        Assert.Equal(EmailSendStatus.Running, result.Value.Status);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/emails:send?api-version=2023-03-31", request.Target);
        Assert.Equal(operationId, request.Headers["Operation-Id"]);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("DoNotReply@coupons.example", root.GetProperty("senderAddress").GetString());
        Assert.Equal("merchant@example.com", root.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("Merchant Ng", root.GetProperty("recipients").GetProperty("to")[0].GetProperty("displayName").GetString());
        Assert.Equal("audit@example.com", root.GetProperty("recipients").GetProperty("bcc")[0].GetProperty("address").GetString());
        Assert.Equal("Send #42 finished: 998 sent, 2 failed", root.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal("<p>Report ready ✓</p>", root.GetProperty("content").GetProperty("html").GetString());
        Assert.Equal("Report: https://x/y", root.GetProperty("content").GetProperty("plainText").GetString());
    }

    [Fact]
    public async Task SendAsync_WrongKey_Throws401WithoutRetrying()
    {
        var wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes("not-the-key"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(wrong).SendAsync(Message(), Guid.NewGuid().ToString()));

        Assert.Equal(401, error.Status);
        Assert.Equal("Denied", error.ErrorCode);
        Assert.Single(_server.Requests);
        Assert.DoesNotContain(wrong, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Throttled_RetriesAfterRetryAfterWithTheSameOperationId()
    {
        _server.ThrottleNext = 1;
        var operationId = Guid.NewGuid().ToString();

        var result = await Client().SendAsync(Message(), operationId);

        Assert.Equal(EmailSendStatus.Running, result.Value.Status);
        var requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal(operationId, r.Headers["Operation-Id"]));
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task GetStatusAsync_SentOperation_ReturnsFinalStatus()
    {
        var client = Client();
        var operationId = Guid.NewGuid().ToString();
        await client.SendAsync(Message(), operationId);

        var status = await client.GetStatusAsync(operationId);

        Assert.Equal(EmailSendStatus.Succeeded, status.Value.Status);
        Assert.True(status.Value.Status.IsFinal);
        Assert.Equal($"/emails/operations/{operationId}?api-version=2023-03-31", _server.Requests.Last().Target);
    }

    [Fact]
    public async Task SendAsync_OperationIdNotAGuid_ThrowsBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client().SendAsync(Message(), "send-42"));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_NoRecipientsOrNoBody_ThrowsBeforeSending()
    {
        var noRecipients = new EmailMessage("a@b.c", new EmailRecipients(), new EmailContent("s") { PlainText = "x" });
        var noBody = new EmailMessage("a@b.c", new EmailRecipients([new EmailAddress("d@e.f")]), new EmailContent("s"));

        await Assert.ThrowsAsync<ArgumentException>(() => Client().SendAsync(noRecipients, Guid.NewGuid().ToString()));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().SendAsync(noBody, Guid.NewGuid().ToString()));
        Assert.Empty(_server.Requests);
    }
}
