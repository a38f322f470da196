using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace CouponFunctions.Storage.Clients.Pipeline;

/// <summary>
/// Reads the error code and message of a failed storage response: the <c>x-ms-error-code</c> header first,
/// then the body (Table: OData JSON <c>odata.error</c>; Blob/Queue: XML <c>&lt;Error&gt;</c>; ACS: JSON <c>error</c>).
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var (bodyCode, message) = ReadBody(response);
        var code = string.IsNullOrEmpty(headerCode) ? bodyCode : headerCode;
        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }

    private static (string? Code, string? Message) ReadBody(Response response)
    {
        // A streamed (unbuffered) body cannot be read here; the header still gives the code.
        if (response.ContentStream is not MemoryStream) return (null, null);
        var content = response.Content;
        if (content.ToMemory().Length == 0) return (null, null);
        var first = FirstNonWhitespace(content.ToMemory().Span);
        try
        {
            return first switch
            {
                (byte)'{' => ReadJson(content),
                (byte)'<' => ReadXml(content),
                _ => (null, null),
            };
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    internal static (string? Code, string? Message) ReadJson(BinaryData content)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        if (!root.TryGetProperty("odata.error", out var error) && !root.TryGetProperty("error", out error))
        {
            return (null, null);
        }

        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string? message = null;
        if (error.TryGetProperty("message", out var m))
        {
            message = m.ValueKind switch
            {
                JsonValueKind.String => m.GetString(),
                JsonValueKind.Object when m.TryGetProperty("value", out var v) => v.GetString(),
                _ => null,
            };
        }

        return (code, message);
    }

    private static (string? Code, string? Message) ReadXml(BinaryData content)
    {
        using var stream = content.ToStream();
        var root = XDocument.Load(stream).Root;
        return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
    }

    private static byte FirstNonWhitespace(ReadOnlySpan<byte> bytes)
    {
        // Skip a UTF-8 BOM and leading whitespace.
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF) continue;
            return b;
        }

        return 0;
    }
}
