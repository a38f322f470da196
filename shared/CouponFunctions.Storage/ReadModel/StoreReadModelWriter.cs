using System.IO.Compression;
using System.Text.Json;
using Azure.Storage.Blobs;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Storage.ReadModel;

/// <summary>
/// Writes the read-model segments: a store's coupons (by sync, which holds the store's lease, so one writer at a time)
/// and its open findings (by inspection), each followed by a new list version. Ended coupons past the archive age are
/// flagged archived, not dropped.
/// </summary>
internal sealed class StoreReadModelWriter(BlobServiceClient blobs, ReadModelVersion version, IOptions<SyncOptions> options) : IStoreReadModel, IFindingsReadModel
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.ReadModel);

    public async Task WriteCouponsAsync(Store store, IReadOnlyCollection<StoredCoupon> coupons, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var archiveBefore = now - options.Value.ArchiveAfter;
        var rows = coupons.Select(c => CouponListRow.From(store, c.Coupon, c.LastChangedAt, c.RemovedAt,
            archived: c.Coupon.Status is CouponStatus.Ended or CouponStatus.Deactivated && c.Coupon.ValidTo < archiveBefore)).ToList();
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            CouponListSegmentSerializer.Write(gzip, rows);
        }
        buffer.Position = 0;
        await _container.GetBlobClient(ReadModelBlobs.Coupons(store.TenantId, store.Id)).UploadAsync(buffer, "application/gzip", overwrite: true, cancellationToken);
        await version.TouchAsync(store.TenantId, cancellationToken);
    }

    public async Task WriteFindingsAsync(TenantId tenantId, StoreId storeId, IReadOnlyList<TrackedFinding> findings, CancellationToken cancellationToken = default)
    {
        var summaries = findings
            .Where(f => f.IsOpen && f.Finding.PlatformCouponId is not null)
            .GroupBy(f => f.Finding.PlatformCouponId!)
            .Select(g => new CouponFindingSummary(g.Key, g.Count(), g.Min(f => f.Finding.Severity).ToString().ToLowerInvariant()))
            .ToList();
        using var buffer = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(summaries, MessageJson.Options));
        await _container.GetBlobClient(ReadModelBlobs.Findings(tenantId, storeId)).UploadAsync(buffer, "application/json", overwrite: true, cancellationToken);
        await version.TouchAsync(tenantId, cancellationToken);
    }
}
