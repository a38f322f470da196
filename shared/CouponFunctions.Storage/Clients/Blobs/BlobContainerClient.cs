using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>
/// One blob container over the Blob REST API, shaped like Azure.Storage.Blobs' BlobContainerClient: single-shot block blob
/// uploads, streamed downloads, prefix listings and read-only SAS URLs. Blob names may hold '/', spaces and any Unicode.
/// </summary>
public sealed partial class BlobContainerClient
{
    /// <summary>The largest blob a single Put Blob accepts (5000 MiB).</summary>
    public const long MaxUploadBytes = 5000L * 1024 * 1024;

    private readonly StorageService _service;

    public BlobContainerClient(string connectionString, string containerName, StorageClientOptions? options = null)
        : this(StoragePipelineFactory.Create(StorageConnection.Parse(connectionString), options ?? new StorageClientOptions(), StorageServiceKind.Blob), containerName)
    {
    }

    internal BlobContainerClient(StorageService service, string containerName)
    {
        StorageNames.ValidateQueueOrContainerName(containerName, "Container");
        _service = service;
        Name = containerName;
    }

    public string Name { get; }

    public Uri Uri => _service.Combine("/" + Name);

    /// <summary>The blob's URL (no SAS): each name segment percent-encoded.</summary>
    public Uri GetBlobUri(string blobName)
    {
        StorageNames.ValidateBlobName(blobName);
        return _service.Combine(BlobPath(blobName));
    }

    /// <summary>Creates the private container; the value says whether it was created.</summary>
    public async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Put);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => Response.FromValue(true, response),
            409 when StorageHttp.ErrorCode(response) == "ContainerAlreadyExists" => Response.FromValue(false, response),
            _ => throw StorageHttp.Failure(response),
        };
    }

    /// <summary>Deletes the container and its blobs; the value says whether it existed.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Delete);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            202 => Response.FromValue(true, response),
            404 => Response.FromValue(false, response),
            _ => throw StorageHttp.Failure(response),
        };
    }

    /// <summary>
    /// Uploads a block blob in one request. With <paramref name="overwrite"/> false the upload is create-only
    /// (<c>If-None-Match: *</c>): an existing blob throws <see cref="RequestFailedException"/> 409 BlobAlreadyExists.
    /// </summary>
    public async Task<Response<BlobContentInfo>> UploadAsync(
        string blobName,
        Stream content,
        string contentType,
        bool overwrite = false,
        IDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        BlobMetadata.Validate(metadata);

        // Put Blob needs a Content-Length and retries need a rewindable body, so a forward-only stream is buffered first.
        var body = content.CanSeek ? content : await BufferAsync(content, cancellationToken).ConfigureAwait(false);
        if (body.Length - body.Position > MaxUploadBytes)
        {
            throw new ArgumentException($"The content exceeds {MaxUploadBytes} bytes, the single-request upload limit.", nameof(content));
        }

        using var message = _service.CreateMessage(RequestMethod.Put, BlobPath(blobName));
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-type", "BlockBlob");
        headers.SetValue("Content-Type", contentType);
        if (!overwrite) headers.SetValue("If-None-Match", "*");
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) headers.SetValue("x-ms-meta-" + key, value);
        message.Request.Content = RequestContent.Create(body);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201) throw StorageHttp.Failure(response);
        var info = new BlobContentInfo(
            StorageHttp.ETagHeader(response) ?? default,
            StorageHttp.ParseRfc1123(StorageHttp.Header(response, "Last-Modified")) ?? default);
        return Response.FromValue(info, response);
    }

    /// <summary>Deletes a blob (and its snapshots); the value says whether it existed.</summary>
    public async Task<Response<bool>> DeleteBlobIfExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        using var message = _service.CreateMessage(RequestMethod.Delete, BlobPath(blobName));
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            202 => Response.FromValue(true, response),
            404 => Response.FromValue(false, response),
            _ => throw StorageHttp.Failure(response),
        };
    }

    private string BlobPath(string blobName) => $"/{Name}/{StorageNames.EscapeBlobName(blobName)}";

    private HttpMessage ContainerMessage(RequestMethod method)
    {
        var message = _service.CreateMessage(method, "/" + Name);
        message.Request.Uri.AppendQuery("restype", "container", escapeValue: false);
        return message;
    }

    private static async Task<MemoryStream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }
}
