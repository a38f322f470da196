using System.Globalization;
using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Blobs;

public sealed partial class BlobContainerClient
{
    /// <summary>Streams a blob; a missing blob (or container) gives <c>HasValue == false</c>. Dispose the result.</summary>
    public async Task<NullableResponse<BlobDownloadStreamingResult>> DownloadIfExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        using var message = _service.CreateMessage(RequestMethod.Get, BlobPath(blobName));
        message.BufferResponse = false;
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            var stream = message.ExtractResponseContent() ?? new MemoryStream();
            return Response.FromValue(new BlobDownloadStreamingResult(stream, BlobResponseReader.Properties(response)), response);
        }

        // Buffer the (small) error body so the exception can carry the service's code and message.
        if (response.ContentStream is { } errorStream and not MemoryStream)
        {
            var buffered = new MemoryStream();
            await errorStream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
            buffered.Position = 0;
            response.ContentStream = buffered;
        }

        return response.Status == 404 ? new NoValueResponse<BlobDownloadStreamingResult>(response) : throw StorageHttp.Failure(response);
    }

    /// <summary>HEAD: content type, length, ETag, last modified and metadata; a missing blob gives <c>HasValue == false</c>.</summary>
    public async Task<NullableResponse<BlobProperties>> GetPropertiesIfExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        using var message = _service.CreateMessage(RequestMethod.Head, BlobPath(blobName));
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            200 => Response.FromValue(BlobResponseReader.Properties(response), response),
            404 => new NoValueResponse<BlobProperties>(response),
            _ => throw StorageHttp.Failure(response),
        };
    }

    /// <summary>Lists blobs (flat, names in order), optionally under a name prefix, following <c>NextMarker</c> across pages.</summary>
    public AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new FuncAsyncPageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = ContainerMessage(RequestMethod.Get);
        var uri = message.Request.Uri;
        uri.AppendQuery("comp", "list", escapeValue: false);
        if (!string.IsNullOrEmpty(prefix)) uri.AppendQuery("prefix", prefix, escapeValue: true);
        if (!string.IsNullOrEmpty(marker)) uri.AppendQuery("marker", marker, escapeValue: true);
        if (pageSize is { } size) uri.AppendQuery("maxresults", Math.Clamp(size, 1, 5000).ToString(CultureInfo.InvariantCulture), escapeValue: false);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageHttp.Failure(response);
        var (items, next) = BlobResponseReader.List(response.Content);
        return Page<BlobItem>.FromValues(items, next, response);
    }
}
