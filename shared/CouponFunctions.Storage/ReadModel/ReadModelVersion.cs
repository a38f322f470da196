using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;

namespace CouponFunctions.Storage.ReadModel;

/// <summary>
/// The version of a tenant's coupon list: an empty marker blob ("readmodel/{tenant}/.version") that every writer of what
/// the list shows (a store's segment, findings or campaign overlay, the store itself) uploads again after its write, so
/// its ETag changes. A reader that saw the same ETag before it last listed the tenant's segments knows nothing changed
/// since, with one small request instead of a listing.
/// </summary>
internal sealed class ReadModelVersion(BlobServiceClient blobs)
{
    public const string BlobName = ".version";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.ReadModel);

    /// <summary>Marks the tenant's list as changed; call after the write it announces.</summary>
    public async Task<ETag> TouchAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var blob = _container.GetBlobClient(Name(tenantId));
        try
        {
            return (await blob.UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // The store tables can be written before the worker's start-up has created the read-model container.
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return (await blob.UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken)).Value.ETag;
        }
    }

    /// <summary>The tenant's current version; a tenant without a marker yet (nothing written since this version of the app) gets one.</summary>
    public async Task<ETag> GetAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await _container.GetBlobClient(Name(tenantId)).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return await TouchAsync(tenantId, cancellationToken);
        }
    }

    private static string Name(TenantId tenantId) => ReadModelBlobs.TenantPrefix(tenantId) + BlobName;
}
