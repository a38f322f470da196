using System.Security;
using System.Text;
using System.Xml;

namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>Message text ⇄ wire text (base64 or as-is) and the Put/Update XML body, with the 64 KiB limit checked up front.</summary>
internal static class QueueMessageCodec
{
    /// <summary>The service limit: 64 KiB of (encoded) message text, counted in UTF-8 bytes.</summary>
    public const int MaxEncodedBytes = 64 * 1024;

    public static string Encode(string messageText, QueueMessageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var wire = encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText)) : messageText;
        var size = Encoding.UTF8.GetByteCount(wire);
        if (size > MaxEncodedBytes)
        {
            throw new ArgumentException(
                $"The message is {size} bytes once encoded ({encoding}); the queue limit is {MaxEncodedBytes} bytes (about 48 KiB of UTF-8 text with base64). Store large payloads in a blob and send its name.",
                nameof(messageText));
        }

        if (encoding == QueueMessageEncoding.None && !IsXmlSafe(wire))
        {
            throw new ArgumentException("The message contains characters that XML cannot carry; use QueueMessageEncoding.Base64.", nameof(messageText));
        }

        return wire;
    }

    public static (string Text, bool Failed) Decode(string wire, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None) return (wire, false);
        var buffer = new byte[wire.Length];
        return Convert.TryFromBase64String(wire, buffer, out var written)
            ? (Encoding.UTF8.GetString(buffer, 0, written), false)
            : (wire, true);
    }

    // A bare CR would be normalised to LF by the XML parser, so it is written as a character reference.
    public static byte[] XmlBody(string wireText) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessage><MessageText>"
        + SecurityElement.Escape(wireText).Replace("\r", "&#xD;", StringComparison.Ordinal)
        + "</MessageText></QueueMessage>");

    private static bool IsXmlSafe(string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
