using Azure;

namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>A blob's system properties and metadata (from a HEAD request).</summary>
public sealed class BlobProperties
{
    public required string ContentType { get; init; }

    public long ContentLength { get; init; }

    public ETag ETag { get; init; }

    public DateTimeOffset LastModified { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
}
