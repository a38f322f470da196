using System.Globalization;
using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Queues;

public sealed partial class QueueClient
{
    public const int MaxMessagesPerReceive = 32;

    /// <summary>
    /// Puts a message. <paramref name="timeToLive"/>: null = service default (7 days); <c>TimeSpan.FromSeconds(-1)</c> or
    /// <see cref="Timeout.InfiniteTimeSpan"/> = never expires. Text over 64 KiB once encoded throws <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<Response<SendReceipt>> SendMessageAsync(
        string messageText,
        TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        var wire = QueueMessageCodec.Encode(messageText, MessageEncoding);
        if (visibilityTimeout is { } visibility) ValidateVisibility(visibility, TimeSpan.Zero, nameof(visibilityTimeout));
        var neverExpires = timeToLive is { } ttl && (ttl == Timeout.InfiniteTimeSpan || ttl == TimeSpan.FromSeconds(-1));
        if (timeToLive is { } t && !neverExpires && t < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), t, "Time-to-live must be at least 1 second, or -1 second for never.");
        }

        if (!neverExpires && timeToLive is { } limit && visibilityTimeout >= limit)
        {
            throw new ArgumentException("The visibility timeout must be shorter than the time-to-live.", nameof(visibilityTimeout));
        }

        using var message = _service.CreateMessage(RequestMethod.Post, $"/{Name}/messages");
        if (visibilityTimeout is { } v) message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(v), escapeValue: false);
        if (timeToLive is { } life) message.Request.Uri.AppendQuery("messagettl", neverExpires ? "-1" : Seconds(life), escapeValue: false);
        SetXmlBody(message, wire);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201) throw StorageHttp.Failure(response);
        var sent = QueueXml.Messages(response.Content).Single();
        return Response.FromValue(
            new SendReceipt
            {
                MessageId = QueueXml.Text(sent, "MessageId"),
                PopReceipt = QueueXml.Text(sent, "PopReceipt"),
                InsertionTime = QueueXml.Time(sent, "InsertionTime") ?? default,
                ExpirationTime = QueueXml.Time(sent, "ExpirationTime") ?? default,
                TimeNextVisible = QueueXml.Time(sent, "TimeNextVisible") ?? default,
            },
            response);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1-32) messages and hides them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(
        int? maxMessages = null,
        TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ValidateMaxMessages(maxMessages);
        if (visibilityTimeout is { } visibility) ValidateVisibility(visibility, TimeSpan.FromSeconds(1), nameof(visibilityTimeout));
        using var message = _service.CreateMessage(RequestMethod.Get, $"/{Name}/messages");
        if (maxMessages is { } max) message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        if (visibilityTimeout is { } v) message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(v), escapeValue: false);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageHttp.Failure(response);
        var messages = QueueXml.Messages(response.Content).Select(m =>
        {
            var (text, failed) = QueueMessageCodec.Decode(QueueXml.Text(m, "MessageText"), MessageEncoding);
            return new QueueMessage
            {
                MessageId = QueueXml.Text(m, "MessageId"),
                PopReceipt = QueueXml.Text(m, "PopReceipt"),
                MessageText = text,
                DecodingFailed = failed,
                DequeueCount = QueueXml.Count(m),
                InsertedOn = QueueXml.Time(m, "InsertionTime"),
                ExpiresOn = QueueXml.Time(m, "ExpirationTime"),
                NextVisibleOn = QueueXml.Time(m, "TimeNextVisible"),
            };
        }).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without receiving them.</summary>
    public async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        ValidateMaxMessages(maxMessages);
        using var message = _service.CreateMessage(RequestMethod.Get, $"/{Name}/messages");
        message.Request.Uri.AppendQuery("peekonly", "true", escapeValue: false);
        if (maxMessages is { } max) message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageHttp.Failure(response);
        var messages = QueueXml.Messages(response.Content).Select(m =>
        {
            var (text, failed) = QueueMessageCodec.Decode(QueueXml.Text(m, "MessageText"), MessageEncoding);
            return new PeekedMessage
            {
                MessageId = QueueXml.Text(m, "MessageId"),
                MessageText = text,
                DecodingFailed = failed,
                DequeueCount = QueueXml.Count(m),
                InsertedOn = QueueXml.Time(m, "InsertionTime"),
                ExpiresOn = QueueXml.Time(m, "ExpirationTime"),
            };
        }).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Deletes a received message. A stale pop receipt throws <see cref="RequestFailedException"/> (404 MessageNotFound or 400 PopReceiptMismatch).</summary>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessageIdRequest(RequestMethod.Delete, messageId, popReceipt);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 204 ? response : throw StorageHttp.Failure(response);
    }

    /// <summary>
    /// Changes a received message's visibility (0 = visible now) and optionally its text. Use the returned pop receipt afterwards:
    /// the old one is no longer valid.
    /// </summary>
    public async Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId,
        string popReceipt,
        string? messageText = null,
        TimeSpan visibilityTimeout = default,
        CancellationToken cancellationToken = default)
    {
        ValidateVisibility(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout));
        var wire = messageText is null ? null : QueueMessageCodec.Encode(messageText, MessageEncoding);
        using var message = CreateMessageIdRequest(RequestMethod.Put, messageId, popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout), escapeValue: false);
        if (wire is not null) SetXmlBody(message, wire);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204) throw StorageHttp.Failure(response);
        var receipt = new UpdateReceipt(
            StorageHttp.Header(response, "x-ms-popreceipt") ?? string.Empty,
            StorageHttp.ParseRfc1123(StorageHttp.Header(response, "x-ms-time-next-visible")) ?? default);
        return Response.FromValue(receipt, response);
    }

    private HttpMessage CreateMessageIdRequest(RequestMethod method, string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var message = _service.CreateMessage(method, $"/{Name}/messages/{Uri.EscapeDataString(messageId)}");
        message.Request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        return message;
    }

    private static void SetXmlBody(HttpMessage message, string wireText)
    {
        message.Request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
        message.Request.Content = RequestContent.Create(QueueMessageCodec.XmlBody(wireText));
    }

    private static void ValidateMaxMessages(int? maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerReceive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"maxMessages must be 1..{MaxMessagesPerReceive}.");
        }
    }
}
