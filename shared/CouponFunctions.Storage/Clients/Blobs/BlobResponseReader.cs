using System.Globalization;
using System.Xml.Linq;
using Azure;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>Reads blob properties from response headers and blob listings from XML.</summary>
internal static class BlobResponseReader
{
    public static BlobProperties Properties(Response response) => new()
    {
        ContentType = StorageHttp.Header(response, "Content-Type") ?? "application/octet-stream",
        ContentLength = long.TryParse(StorageHttp.Header(response, "Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0,
        ETag = StorageHttp.ETagHeader(response) ?? default,
        LastModified = StorageHttp.ParseRfc1123(StorageHttp.Header(response, "Last-Modified")) ?? default,
        Metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase),
    };

    public static (List<BlobItem> Items, string? NextMarker) List(BinaryData content)
    {
        using var stream = content.ToStream();
        var root = XDocument.Load(stream).Root!;
        var items = root.Element("Blobs")?.Elements("Blob").Select(blob =>
        {
            var properties = blob.Element("Properties");
            string? Value(string name) => properties?.Element(name)?.Value;
            var etag = Value("Etag");
            return new BlobItem(Name(blob.Element("Name")!), new BlobItemProperties
            {
                ContentLength = long.TryParse(Value("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
                ContentType = Value("Content-Type"),
                // Listings give the ETag unquoted while headers quote it; normalise so both compare equal.
                ETag = string.IsNullOrEmpty(etag) ? null : new ETag(etag.StartsWith('"') ? etag : $"\"{etag}\""),
                LastModified = StorageHttp.ParseRfc1123(Value("Last-Modified")),
            });
        }).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return (items, string.IsNullOrEmpty(next) ? null : next);
    }

    public static UserDelegationKey DelegationKey(BinaryData content)
    {
        using var stream = content.ToStream();
        var root = XDocument.Load(stream).Root!;
        string Value(string name) => root.Element(name)?.Value ?? string.Empty;
        return new UserDelegationKey(
            Value("SignedOid"), Value("SignedTid"), Value("SignedStart"), Value("SignedExpiry"), Value("SignedService"), Value("SignedVersion"), Value("Value"));
    }

    // Names with characters XML cannot carry come percent-encoded with Encoded="true".
    private static string Name(XElement name) =>
        (string?)name.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(name.Value) : name.Value;
}
