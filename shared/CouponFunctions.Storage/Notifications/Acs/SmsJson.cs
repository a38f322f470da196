using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>The <c>POST /sms</c> request body and its per-recipient response body.</summary>
internal static class SmsJson
{
    public static byte[] Serialize(SmsSendRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("from", request.From);
            writer.WriteStartArray("smsRecipients");
            foreach (var recipient in request.Recipients)
            {
                writer.WriteStartObject();
                writer.WriteString("to", recipient.To);
                if (recipient.RepeatabilityRequestId is { } id) writer.WriteString("repeatabilityRequestId", id.ToString("D"));
                if (recipient.RepeatabilityFirstSent is { } first)
                    writer.WriteString("repeatabilityFirstSent", first.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("message", request.Message);
            writer.WriteStartObject("smsSendOptions");
            writer.WriteBoolean("enableDeliveryReport", request.EnableDeliveryReport);
            if (request.Tag is { } tag) writer.WriteString("tag", tag);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static IReadOnlyList<SmsRecipientResult> ReadResults(BinaryData content)
    {
        using var document = JsonDocument.Parse(content);
        if (!document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            throw new FormatException("The ACS SMS response has no 'value' array.");
        var results = new List<SmsRecipientResult>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            results.Add(new SmsRecipientResult(
                String(item, "to") ?? string.Empty,
                String(item, "messageId"),
                item.TryGetProperty("httpStatusCode", out var code) && code.TryGetInt32(out var status) ? status : 0,
                item.TryGetProperty("successful", out var ok) && ok.ValueKind == JsonValueKind.True,
                String(item, "repeatabilityResult"),
                String(item, "errorMessage")));
        }

        return results;
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
