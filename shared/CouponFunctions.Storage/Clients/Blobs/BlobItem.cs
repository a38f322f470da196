using Azure;

namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>A blob in a listing (name and the properties the listing carries), shaped like Azure.Storage.Blobs' BlobItem.</summary>
public sealed class BlobItem(string name, BlobItemProperties properties)
{
    public string Name { get; } = name;

    public BlobItemProperties Properties { get; } = properties;
}

/// <summary>Properties of a listed blob.</summary>
public sealed class BlobItemProperties
{
    public long? ContentLength { get; init; }

    public string? ContentType { get; init; }

    public ETag? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }
}
