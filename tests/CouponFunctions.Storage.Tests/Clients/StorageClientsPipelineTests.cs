using System.Net;
using Azure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients;

/// <summary>What every storage request goes through: retry classification, the injected clock, the signature.</summary>
public sealed class StorageClientsPipelineTests
{
    private static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent(string.Empty) };

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task PingAsync_TransientThenOk_RetriesAndSignsEachAttempt(HttpStatusCode transient)
    {
        var calls = 0;
        var handler = new StubHandler(_ => ++calls == 1 ? Status(transient) : StubHandler.Json("""{"value":[]}"""));

        var response = await TestConnections.Stubbed(handler, maxRetries: 3).TableService.PingAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKeyLite ", r.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task PingAsync_ClientError_FailsWithoutRetrying(HttpStatusCode status)
    {
        var handler = new StubHandler(_ => Status(status));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => TestConnections.Stubbed(handler, maxRetries: 3).TableService.PingAsync());

        Assert.Equal((int)status, error.Status);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendMessageAsync_XmlErrorBody_ErrorCodeAndMessageReachTheException()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InvalidQueryParameterValue</Code><Message>bad ttl</Message></Error>"),
        });
        var queue = TestConnections.Stubbed(handler).GetQueueClient("work-items");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));

        Assert.Equal("InvalidQueryParameterValue", error.ErrorCode);
        Assert.Contains("bad ttl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessageAsync_InjectedClock_StampsXmsDateAndSignsWithFullSharedKey()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent("<QueueMessagesList><QueueMessage><MessageId>m1</MessageId><PopReceipt>p1</PopReceipt></QueueMessage></QueueMessagesList>"),
        });
        var queue = TestConnections.Stubbed(handler, timeProvider: clock).GetQueueClient("work-items");

        var receipt = await queue.SendMessageAsync("x", timeToLive: TimeSpan.FromSeconds(-1));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("Sat, 21 Nov 2026 01:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.StartsWith("SharedKey devstoreaccount1:", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.Equal("?messagettl=-1", request.RequestUri!.Query);
        Assert.Equal("m1", receipt.Value.MessageId);
    }
}
