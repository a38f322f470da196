namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>A blob's content as a network stream plus its properties. Dispose it to release the connection.</summary>
public sealed class BlobDownloadStreamingResult(Stream content, BlobProperties details) : IDisposable
{
    public Stream Content { get; } = content;

    public BlobProperties Details { get; } = details;

    public void Dispose() => Content.Dispose();
}
