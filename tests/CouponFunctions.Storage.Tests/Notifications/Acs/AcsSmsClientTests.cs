using System.Text;
using System.Text.Json;
using Azure;
using CouponFunctions.Storage.Notifications.Acs;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Notifications.Acs;

public sealed class AcsSmsClientTests : IAsyncLifetime
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("acs-sms-test-access-key-0123456789");
    private static readonly DateTimeOffset FirstSent = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private FakeAcsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAcsServer.StartAsync(Key);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AcsSmsClient Client(string? key = null) =>
        new(_server.ConnectionString(key), new AcsSmsClientOptions { Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxRetries = 2 } });

    private static SmsSendRequest Request(params SmsRecipient[] recipients) => new("+18005550100", recipients, "Your coupon SAVE10 ✓ Reply STOP to opt out", Tag: "send-42");

    [Fact]
    public async Task SendAsync_CorrectKey_SignedBodyWithRepeatabilityPerRecipient()
    {
        var id = Guid.NewGuid();

        var response = await Client().SendAsync(Request(new SmsRecipient("+6591234567", id, FirstSent)));

        Assert.Equal(202, response.Status);
        var result = Assert.Single(response.Results);
        Assert.True(result.Successful);
        Assert.Equal("+6591234567", result.To);
        Assert.StartsWith("Outgoing_", result.MessageId, StringComparison.Ordinal);
        Assert.Equal("accepted", result.RepeatabilityResult);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/sms?api-version=2021-03-07", request.Target);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("+18005550100", root.GetProperty("from").GetString());
        Assert.Equal("Your coupon SAVE10 ✓ Reply STOP to opt out", root.GetProperty("message").GetString());
        var recipient = root.GetProperty("smsRecipients")[0];
        Assert.Equal(id.ToString("D"), recipient.GetProperty("repeatabilityRequestId").GetString());
        Assert.Equal("Sun, 06 Dec 2026 09:00:00 GMT", recipient.GetProperty("repeatabilityFirstSent").GetString());
        Assert.False(root.GetProperty("smsSendOptions").GetProperty("enableDeliveryReport").GetBoolean());
        Assert.Equal("send-42", root.GetProperty("smsSendOptions").GetProperty("tag").GetString());
    }

    [Fact]
    public async Task SendAsync_WrongKey_Throws401()
    {
        var wrong = Convert.ToBase64String(Encoding.UTF8.GetBytes("not-the-key"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(wrong).SendAsync(Request(new SmsRecipient("+6591234567"))));

        Assert.Equal(401, error.Status);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_Throttled_Returns429WithRetryAfterAndDoesNotRetry()
    {
        _server.ThrottleNext = 1;
        _server.RetryAfterSeconds = 17;

        var response = await Client().SendAsync(Request(new SmsRecipient("+6591234567", Guid.NewGuid(), FirstSent)));

        Assert.True(response.IsThrottled);
        Assert.Equal(TimeSpan.FromSeconds(17), response.RetryAfter);
        Assert.Empty(response.Results);
        Assert.Single(_server.Requests);
        Assert.Empty(_server.SmsDeliveries);
    }

    [Fact]
    public async Task SendAsync_OneRecipientRefused_ResultsPerRecipient()
    {
        _server.RejectNumbers["+6590000000"] = "Invalid To phone number format.";

        var response = await Client().SendAsync(Request(new SmsRecipient("+6591234567", Guid.NewGuid(), FirstSent), new SmsRecipient("+6590000000", Guid.NewGuid(), FirstSent)));

        Assert.Equal(2, response.Results.Count);
        Assert.True(response.Results.Single(r => r.To == "+6591234567").Successful);
        var refused = response.Results.Single(r => r.To == "+6590000000");
        Assert.False(refused.Successful);
        Assert.Equal(400, refused.HttpStatusCode);
        Assert.Equal("Invalid To phone number format.", refused.ErrorMessage);
        Assert.Null(refused.MessageId);
    }

    [Fact]
    public async Task SendAsync_RepeatWithSameRepeatability_SameMessageIdAndOneDelivery()
    {
        var id = Guid.NewGuid();
        var first = await Client().SendAsync(Request(new SmsRecipient("+6591234567", id, FirstSent)));

        var repeat = await Client().SendAsync(Request(new SmsRecipient("+6591234567", id, FirstSent)));

        Assert.Equal(first.Results[0].MessageId, repeat.Results[0].MessageId);
        Assert.True(repeat.Results[0].Successful);
        Assert.Equal(1, _server.SmsDeliveries["+6591234567"]);
    }

    [Fact]
    public async Task SendAsync_SameRequestIdOtherFirstSent_RejectedByRepeatability()
    {
        var id = Guid.NewGuid();
        await Client().SendAsync(Request(new SmsRecipient("+6591234567", id, FirstSent)));

        var other = await Client().SendAsync(Request(new SmsRecipient("+6591234567", id, FirstSent.AddMinutes(1))));

        Assert.False(other.Results[0].Successful);
        Assert.Equal("rejected", other.Results[0].RepeatabilityResult);
        Assert.Equal(1, _server.SmsDeliveries["+6591234567"]);
    }

    [Fact]
    public async Task SendAsync_TooManyRecipientsOrHalfARepeatabilityPair_ThrowsBeforeSending()
    {
        var many = Enumerable.Range(0, 101).Select(i => new SmsRecipient($"+659100{i:D4}")).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => Client().SendAsync(Request(many)));
        await Assert.ThrowsAsync<ArgumentException>(() => Client().SendAsync(Request(new SmsRecipient("+6591234567", Guid.NewGuid()))));
        Assert.Empty(_server.Requests);
    }
}
