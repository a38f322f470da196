using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CouponFunctions.Storage.Blobs;

/// <summary>Blob reads where a missing blob is an expected answer (the Blob SDK has no DownloadIfExists).</summary>
internal static class BlobReads
{
    /// <summary>The blob's content as a stream to dispose, or null when there is no such blob.</summary>
    public static async Task<Stream?> OpenReadIfExistsAsync(this BlobClient blob, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }

    /// <summary>Uploads the content with its content type; create-only unless <paramref name="overwrite"/>, and false when it existed.</summary>
    public static async Task<bool> UploadAsync(this BlobClient blob, Stream content, string contentType, bool overwrite, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.UploadAsync(content, options, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (!overwrite && e.Status == 409)
        {
            return false;
        }
    }
}
