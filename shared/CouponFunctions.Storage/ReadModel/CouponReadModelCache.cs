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
/// Serves a tenant's coupon rows and store statuses from memory. Each request reads the tenant's list version (one small
/// request, see <see cref="ReadModelVersion"/>); only when it changed since this instance last looked does it list the
/// tenant's segment blobs (one call, with ETags), download the segments (and their findings and campaign overlays) that
/// changed, and read the stores again. Every instance of the app so sees a store's new data right after its sync,
/// without a hot row or a cache-invalidation message. The version is read before the listing, so a write that lands
/// after it changes the version again. Should a writer stop between its write and its version mark, the change shows
/// at the latest <see cref="RecheckAfter"/> later: past that, the listing is repeated whatever the version says.
/// </summary>
internal sealed class CouponReadModelCache(BlobServiceClient blobs, IStoreRepository stores, ReadModelVersion version, TimeProvider time) : ICouponReadModel
{
    /// <summary>The longest a listing is trusted on the version alone.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.ReadModel);
    private readonly ConcurrentDictionary<TenantId, TenantCache> _tenants = new();

    public async Task<IReadOnlyList<CouponListRow>> GetRowsAsync(TenantId tenantId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(tenantId, cancellationToken)).Rows;

    public async Task<CouponListSnapshot> GetSnapshotAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var cache = _tenants.GetOrAdd(tenantId, _ => new TenantCache());
        var current = await version.GetAsync(tenantId, cancellationToken);
        if (cache.Current(current, time.GetTimestamp(), time) is { } fresh) return fresh;

        await cache.Gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed it to this version while this one waited.
            var now = time.GetTimestamp();
            if (cache.Current(current, now, time) is { } refreshed) return refreshed;
            var storesTask = stores.ListAsync(tenantId, cancellationToken);
            var rows = await RefreshRowsAsync(tenantId, cache, cancellationToken);
            var statuses = (await storesTask).ToDictionary(s => s.Id, s => s.Status);
            var snapshot = new CouponListSnapshot(rows, statuses);
            cache.Last = new Listing(snapshot, current, now);
            return snapshot;
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    private async Task<CouponListRow[]> RefreshRowsAsync(TenantId tenantId, TenantCache cache, CancellationToken cancellationToken)
    {
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

        // Written under the gate and read without it: one object, so a snapshot is never paired with another's version.
        public volatile Listing? Last;

        /// <summary>The last snapshot when it was listed at <paramref name="version"/> recently enough, else null.</summary>
        public CouponListSnapshot? Current(ETag version, long now, TimeProvider time) =>
            Last is { } last && last.Version == version && time.GetElapsedTime(last.ListedAt, now) < RecheckAfter ? last.Snapshot : null;
    }

    private sealed record Listing(CouponListSnapshot Snapshot, ETag Version, long ListedAt);
}
