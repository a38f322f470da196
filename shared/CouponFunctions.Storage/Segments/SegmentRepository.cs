using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Segments;

/// <summary>
/// Segments table: PartitionKey = tenant, RowKey = segment id, the rule as JSON, the ETag as the version.
/// SegmentMembers table (static segments): PartitionKey = "{tenant}_{segment}", RowKey = customer id.
/// </summary>
internal sealed class SegmentRepository(TableServiceClient tables) : ISegmentRepository
{
    private readonly TableClient _segments = tables.GetTableClient(TableNames.Segments);
    private readonly TableClient _members = tables.GetTableClient(TableNames.SegmentMembers);

    public async Task<Result<Segment>> CreateAsync(Segment segment, CancellationToken cancellationToken = default)
    {
        var written = await _segments.AddIfAbsentAsync(ToEntity(segment), cancellationToken);
        return written.IsOk ? Result<Segment>.Ok(segment with { Version = written.Value.ToString() }) : Result<Segment>.Conflict($"Segment {segment.Id} exists already.");
    }

    public async Task<Segment?> GetAsync(TenantId tenantId, SegmentId id, CancellationToken cancellationToken = default)
    {
        var entity = await _segments.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, id.Value, cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(tenantId, entity.Value!) : null;
    }

    public async Task<IReadOnlyList<Segment>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var segments = new List<Segment>();
        await foreach (var e in _segments.QueryAsync<TableEntity>(Keys.InPartition(tenantId.Value), cancellationToken: cancellationToken))
            segments.Add(FromEntity(tenantId, e));
        return segments.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Result<Segment>> UpdateAsync(Segment segment, CancellationToken cancellationToken = default)
    {
        if (segment.Version is null) return Result<Segment>.Conflict("An update needs the version the segment was read at.");
        var written = await _segments.UpdateIfUnchangedAsync(ToEntity(segment), new ETag(segment.Version), TableUpdateMode.Replace, cancellationToken);
        if (written.IsOk) return Result<Segment>.Ok(segment with { Version = written.Value.ToString() });
        return await GetAsync(segment.TenantId, segment.Id, cancellationToken) is null
            ? Result<Segment>.NotFound($"There is no segment {segment.Id}.")
            : Result<Segment>.Conflict($"Segment {segment.Id} was changed by someone else; reload it and try again.");
    }

    public async Task<Result<bool>> DeleteAsync(TenantId tenantId, SegmentId id, string? version, CancellationToken cancellationToken = default)
    {
        bool existed;
        try
        {
            var response = await _segments.DeleteEntityAsync(tenantId.Value, id.Value, version is null ? ETag.All : new ETag(version), cancellationToken);
            existed = response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return Result<bool>.Conflict($"Segment {id} was changed by someone else; reload it and try again.");
        }

        // The member rows go after the segment row, also when the row was gone already: a delete that crashed in between
        // left rows nobody reads, and the repeated delete removes them.
        var partition = MemberPartition(tenantId, id);
        var batch = new List<TableTransactionAction>(100);
        await foreach (var e in _members.QueryAsync<TableEntity>(Keys.InPartition(partition), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, e.RowKey), ETag.All));
            if (batch.Count == 100) await SubmitDeletesAsync(batch, cancellationToken);
        }

        await SubmitDeletesAsync(batch, cancellationToken);
        return existed ? Result<bool>.Ok(true) : Result<bool>.NotFound($"There is no segment {id}.");
    }

    public async Task<int> AddMembersAsync(TenantId tenantId, SegmentId id, IEnumerable<CustomerId> customers, CancellationToken cancellationToken = default)
    {
        var partition = MemberPartition(tenantId, id);
        var written = 0;
        foreach (var chunk in customers.Distinct().Chunk(100))
        {
            await _members.SubmitAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, c.Value))).ToList(), cancellationToken);
            written += chunk.Length;
        }

        return written;
    }

    public async Task<int> RemoveMembersAsync(TenantId tenantId, SegmentId id, IEnumerable<CustomerId> customers, CancellationToken cancellationToken = default)
    {
        // A delete of a missing row fails a whole transaction, so deletes are single calls, a few at a time (404 is not an error).
        var partition = MemberPartition(tenantId, id);
        var removed = 0;
        foreach (var chunk in customers.Distinct().Chunk(16))
        {
            var responses = await Task.WhenAll(chunk.Select(c => _members.DeleteEntityAsync(partition, c.Value, ETag.All, cancellationToken)));
            removed += responses.Count(r => r.Status != 404);
        }

        return removed;
    }

    public async Task<ItemPage<CustomerId>> ListMemberIdsAsync(TenantId tenantId, SegmentId id, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 1000);
        var partition = MemberPartition(tenantId, id);
        var filter = Keys.InPartition(partition);
        if (continuation is not null) filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {DecodeCursor(continuation)}");
        var ids = new List<CustomerId>(pageSize);
        await foreach (var e in _members.QueryAsync<TableEntity>(filter, maxPerPage: pageSize + 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (ids.Count == pageSize) return new ItemPage<CustomerId>(ids, EncodeCursor(ids[^1].Value));
            ids.Add(CustomerId.Parse(e.RowKey));
        }

        return new ItemPage<CustomerId>(ids, null);
    }

    public async Task<int> CountMembersAsync(TenantId tenantId, SegmentId id, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var _ in _members.QueryAsync<TableEntity>(Keys.InPartition(MemberPartition(tenantId, id)), maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
            count++;
        return count;
    }

    private async Task SubmitDeletesAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        // Rows removed meanwhile by RemoveMembers make the transaction fail with 404: then delete them one by one.
        if (await _members.TrySubmitAsync(batch, cancellationToken) is { Status: 404 })
        {
            foreach (var action in batch) await _members.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
        }

        batch.Clear();
    }

    internal static string MemberPartition(TenantId tenantId, SegmentId id) => $"{tenantId.Value}_{id.Value}";

    internal static string EncodeCursor(string rowKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static string DecodeCursor(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            if (CustomerId.TryParse(text, out var id) && id.Value == text) return text;
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The continuation token is not one this listing gave.", nameof(token));
    }

    private static TableEntity ToEntity(Segment segment) => new(segment.TenantId.Value, segment.Id.Value)
    {
        ["Name"] = segment.Name,
        ["Kind"] = segment.Kind.ToString(),
        ["Rule"] = segment.Rule is null ? null : JsonSerializer.Serialize(segment.Rule, MessageJson.Options),
        ["CreatedAt"] = segment.CreatedAt,
        ["UpdatedAt"] = segment.UpdatedAt,
    };

    private static Segment FromEntity(TenantId tenantId, TableEntity e) => new()
    {
        TenantId = tenantId,
        Id = SegmentId.Parse(e.RowKey),
        Name = e.GetString("Name") ?? string.Empty,
        Kind = Enum.Parse<SegmentKind>(e.GetString("Kind") ?? nameof(SegmentKind.Static)),
        Rule = e.GetString("Rule") is { Length: > 0 } rule ? JsonSerializer.Deserialize<SegmentRule>(rule, MessageJson.Options) : null,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        Version = e.ETag.ToString(),
    };
}
