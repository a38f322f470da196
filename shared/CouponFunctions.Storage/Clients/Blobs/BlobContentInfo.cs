using Azure;

namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>What an upload returns: the blob's new ETag and last-modified time.</summary>
public sealed class BlobContentInfo(ETag eTag, DateTimeOffset lastModified)
{
    public ETag ETag { get; } = eTag;

    public DateTimeOffset LastModified { get; } = lastModified;
}
