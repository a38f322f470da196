using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;

namespace CouponFunctions.Storage.ReadModel;

/// <summary>
/// Serves a tenant's coupon rows from memory. Each request lists the tenant's segment blobs (one call, with ETags) and
/// downloads only the segments (and their findings and campaign overlays) that changed since this instance last read them, so every instance of the app sees a
/// store's new data right after its sync, without a hot row or a cache-invalidation message.
/// </summary>
internal sealed class CouponReadModelCache(BlobServiceClient blobs) : ICouponReadModel
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.ReadModel);
    private readonly ConcurrentDictionary<TenantId, TenantCache> _tenants = new();

    public async Task<IReadOnlyList<CouponListRow>> GetRowsAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var cache = _tenants.GetOrAdd(tenantId, _ => new TenantCache());
        var listed = new Dictionary<StoreId, Versions>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = ReadModelBlobs.TenantPrefix(tenantId) }, cancellationToken))
        {
            if (ReadModelBlobs.Parse(blob.Name) is not { } parsed) continue;
            var entry = listed.GetValueOrDefault(parsed.Store);
            listed[parsed.Store] = parsed.Kind switch
            {
                ReadModelBlobKind.Findings => entry with { Findings = blob.Properties.ETag },
                ReadModelBlobKind.Campaigns => entry with { Campaigns = blob.Properties.ETag },
                _ => entry with { Coupons = blob.Properties.ETag },
            };
        }

        await cache.Gate.WaitAsync(cancellationToken);
        try
        {
            var changed = false;
            foreach (var gone in cache.Stores.Keys.Where(s => !listed.ContainsKey(s) || listed[s].Coupons is null).ToList())
            {
                cache.Stores.Remove(gone);
                changed = true;
            }
            foreach (var (storeId, tags) in listed)
            {
                if (tags.Coupons is null) continue;
                if (cache.Stores.TryGetValue(storeId, out var known) && known.Tags == tags) continue;
                cache.Stores[storeId] = await LoadAsync(tenantId, storeId, tags, cancellationToken);
                changed = true;
            }
            if (changed || cache.Rows is null) cache.Rows = cache.Stores.Values.SelectMany(s => s.Rows).ToArray();
            return cache.Rows;
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    private async Task<StoreSegment> LoadAsync(TenantId tenantId, StoreId storeId, Versions tags, CancellationToken cancellationToken)
    {
        IReadOnlyList<CouponListRow> rows = [];
        var coupons = await _container.GetBlobClient(ReadModelBlobs.Coupons(tenantId, storeId)).OpenReadIfExistsAsync(cancellationToken);
        if (coupons is not null)
        {
            await using var gzip = new GZipStream(coupons, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            await gzip.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            rows = CouponListSegmentSerializer.Read(buffer);
        }

        var findings = tags.Findings is null ? null : await _container.GetBlobClient(ReadModelBlobs.Findings(tenantId, storeId)).OpenReadIfExistsAsync(cancellationToken);
        if (findings is not null)
        {
            await using var stream = findings;
            var summaries = (await JsonSerializer.DeserializeAsync<List<CouponFindingSummary>>(stream, MessageJson.Options, cancellationToken) ?? [])
                .ToDictionary(s => s.CouponId, StringComparer.Ordinal);
            rows = rows.Select(r => summaries.TryGetValue(r.PlatformCouponId, out var s)
                ? r with { OpenFindings = s.Count, HighestSeverity = s.HighestSeverity }
                : r).ToList();
        }

        var campaigns = tags.Campaigns is null ? null : await _container.GetBlobClient(ReadModelBlobs.Campaigns(tenantId, storeId)).OpenReadIfExistsAsync(cancellationToken);
        if (campaigns is not null)
        {
            await using var stream = campaigns;
            var byCoupon = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream, MessageJson.Options, cancellationToken) ?? [];
            rows = rows.Select(r => byCoupon.TryGetValue(r.PlatformCouponId, out var campaign) ? r with { Campaign = campaign } : r).ToList();
        }
        return new StoreSegment(tags, rows);
    }

    /// <summary>The versions of a store's blobs: the synced coupons, and the findings and campaigns laid over them.</summary>
    private readonly record struct Versions(ETag? Coupons, ETag? Findings, ETag? Campaigns);

    private sealed record StoreSegment(Versions Tags, IReadOnlyList<CouponListRow> Rows);

    private sealed class TenantCache
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<StoreId, StoreSegment> Stores { get; } = [];

        public CouponListRow[]? Rows { get; set; }
    }
}
