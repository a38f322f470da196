using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Sends;

/// <summary>
/// A send's snapshot rows (recipients 0..N-1) as blobs of <see cref="BlockSize"/> consecutive rows,
/// "reports/sends/{tenant}/{send}/recipients/{block}.json" beside the send's failure report: a 100,000-recipient snapshot is
/// 100 blob writes instead of 100,000 table rows, and a wave reads its range from one or two blobs. A block written in parts
/// (the snapshot's batches need not end on a block's edge) is merged under the blob's ETag; a row written again replaces
/// itself, so a retried snapshot rewrites the same blocks.
/// </summary>
internal sealed class SendRecipientBlocks(BlobServiceClient blobs)
{
    public const int BlockSize = 1_000;
    private const int MaxAttempts = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.Reports);

    public async Task WriteAsync(TenantId tenantId, SendId sendId, IEnumerable<SendRecipient> recipients, CancellationToken cancellationToken)
    {
        foreach (var block in recipients.GroupBy(r => r.Index / BlockSize))
        {
            var rows = block.ToList();
            var blob = _container.GetBlobClient(Name(tenantId, sendId, block.Key));
            if (rows.Count == BlockSize)
            {
                await UploadAsync(blob, rows, null, cancellationToken);
                continue;
            }

            await MergeAsync(blob, rows, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<SendRecipient>> ReadAsync(TenantId tenantId, SendId sendId, int from, int count, CancellationToken cancellationToken)
    {
        var rows = new List<SendRecipient>(count);
        if (count == 0) return rows;
        for (var block = from / BlockSize; block <= (from + count - 1) / BlockSize; block++)
        {
            var (stored, _) = await DownloadAsync(_container.GetBlobClient(Name(tenantId, sendId, block)), cancellationToken);
            rows.AddRange(stored.Where(r => r.Index >= from && r.Index < from + count));
        }

        rows.Sort((a, b) => a.Index.CompareTo(b.Index));
        return rows;
    }

    private async Task MergeAsync(BlobClient blob, List<SendRecipient> rows, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (stored, etag) = await DownloadAsync(blob, cancellationToken);
            var replaced = rows.Select(r => r.Index).ToHashSet();
            var merged = stored.Where(s => !replaced.Contains(s.Index)).Concat(rows).OrderBy(r => r.Index).ToList();
            try
            {
                await UploadAsync(blob, merged, etag, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone wrote the block since it was read: read it again.
            }
        }

        throw new InvalidOperationException($"The recipients block {blob.Name} kept changing during {MaxAttempts} merges.");
    }

    /// <summary>Uploads the block: unconditionally, or only over the version read (<paramref name="etag"/>; none: only if absent).</summary>
    private static async Task UploadAsync(BlobClient blob, List<SendRecipient> rows, ETag? etag, CancellationToken cancellationToken)
    {
        var conditions = etag switch
        {
            null => null,
            { } e when e == default => new BlobRequestConditions { IfNoneMatch = ETag.All },
            { } e => new BlobRequestConditions { IfMatch = e },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => new Row(r.Index, r.CustomerId.Value, r.Email, r.Mobile)), Json);
        await blob.UploadAsync(new BinaryData(body), new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
    }

    /// <summary>The block's rows and ETag; no rows and the default ETag when it does not exist.</summary>
    private static async Task<(List<SendRecipient> Rows, ETag ETag)> DownloadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            var rows = content.Value.Content.ToObjectFromJson<List<Row>>(Json) ?? [];
            return (rows.Select(r => new SendRecipient(r.I, CustomerId.Parse(r.C), r.E, r.M)).ToList(), content.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ([], default);
        }
    }

    private static string Name(TenantId tenantId, SendId sendId, int block) =>
        $"sends/{tenantId.Value}/{sendId.Value}/recipients/{block.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)}.json";

    private sealed record Row(int I, string C, string? E, string? M);
}
