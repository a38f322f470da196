using System.Globalization;
using System.Xml.Linq;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>Reads the <c>QueueMessagesList</c> answers of Put, Get and Peek Messages.</summary>
internal static class QueueXml
{
    public static IEnumerable<XElement> Messages(BinaryData content)
    {
        using var stream = content.ToStream();
        return XDocument.Load(stream).Root?.Elements("QueueMessage").ToList() ?? [];
    }

    public static string Text(XElement message, string name) => message.Element(name)?.Value ?? string.Empty;

    public static DateTimeOffset? Time(XElement message, string name) => StorageHttp.ParseRfc1123(message.Element(name)?.Value);

    public static long Count(XElement message) =>
        long.TryParse(message.Element("DequeueCount")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
