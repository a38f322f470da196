using System.Buffers;
using System.Text.Json;
using Azure;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>The <c>emails:send</c> request body and the operation status body.</summary>
internal static class EmailJson
{
    public static byte[] Serialize(EmailMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("senderAddress", message.SenderAddress);
            writer.WriteStartObject("recipients");
            WriteAddresses(writer, "to", message.Recipients.To);
            WriteAddresses(writer, "cc", message.Recipients.CC);
            WriteAddresses(writer, "bcc", message.Recipients.BCC);
            writer.WriteEndObject();
            writer.WriteStartObject("content");
            writer.WriteString("subject", message.Content.Subject);
            if (message.Content.PlainText is { } text) writer.WriteString("plainText", text);
            if (message.Content.Html is { } html) writer.WriteString("html", html);
            writer.WriteEndObject();
            WriteAddresses(writer, "replyTo", message.ReplyTo);
            if (message.Headers.Count > 0)
            {
                writer.WriteStartObject("headers");
                foreach (var (name, value) in message.Headers) writer.WriteString(name, value);
                writer.WriteEndObject();
            }

            writer.WriteBoolean("userEngagementTrackingDisabled", message.UserEngagementTrackingDisabled);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static EmailSendResult ReadResult(BinaryData content, string fallbackId)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : fallbackId;
        var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
            ? new EmailSendStatus(s.GetString()!)
            : EmailSendStatus.Running;
        ResponseError? error = null;
        if (root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            error = new ResponseError(
                e.TryGetProperty("code", out var code) ? code.GetString() : null,
                e.TryGetProperty("message", out var text) ? text.GetString() : null);
        }

        return new EmailSendResult(id, status, error);
    }

    private static void WriteAddresses(Utf8JsonWriter writer, string name, IList<EmailAddress> addresses)
    {
        if (addresses.Count == 0) return;
        writer.WriteStartArray(name);
        foreach (var address in addresses)
        {
            writer.WriteStartObject();
            writer.WriteString("address", address.Address);
            if (address.DisplayName is { } displayName) writer.WriteString("displayName", displayName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
