using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;

namespace CouponFunctions.Storage.ReadModel;

/// <summary>
/// Writes a store's campaign overlay ("{tenant}/{store}.campaigns.json": coupon id → campaign), which the list lays over
/// the store's synced segment as it does the findings. Writers of different requests may race: each reads the blob's
/// ETag before it reads the rows and uploads only if the blob is still that version, else starts again after a random
/// pause, so the last upload always holds every row written before it; each upload is followed by a new list version.
/// </summary>
internal sealed class CampaignOverlayWriter(BlobServiceClient blobs, ReadModelVersion listVersion)
{
    private const int MaxRounds = 10;
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.ReadModel);

    public async Task RewriteAsync(TenantId tenantId, StoreId storeId, Func<Task<IReadOnlyDictionary<string, string>>> readRows, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(ReadModelBlobs.Campaigns(tenantId, storeId));
        for (var round = 1; ; round++)
        {
            ETag? version = null;
            try
            {
                version = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // No overlay yet: the upload below must then be the first.
            }

            var campaigns = await readRows();
            var conditions = version is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await blob.UploadAsync(new BinaryData(JsonSerializer.SerializeToUtf8Bytes(campaigns, MessageJson.Options)),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
                await listVersion.TouchAsync(tenantId, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && round < MaxRounds)
            {
                // Another writer uploaded since we read the version: its rows may be newer than ours, or ours than its.
                // Writers that lost together wait a random moment (longer each round) before they try again, so that they
                // do not keep colliding round after round and run out of rounds together.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 20 * round)), cancellationToken);
            }
        }
    }
}
