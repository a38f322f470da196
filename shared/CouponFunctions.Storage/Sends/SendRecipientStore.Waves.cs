using Azure.Data.Tables;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Sends;

/// <summary>
/// What lets a wave touch storage a few times instead of a few times per recipient: wave marks (one row per channel and block
/// of 100 recipient indices, "Until" = the end of the furthest range a wave took up in the block) say which of a wave's rows
/// can have outcome rows already, and outcome rows are inserted 100 to a transaction, a row that exists coming back instead.
/// </summary>
internal sealed partial class SendRecipientStore
{
    private const int MarkBlock = 100;

    public async Task<WaveMarks> MarkWaveAsync(TenantId tenantId, SendId sendId, ContactChannel channel, int from, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var partition = SendKeys.SendPartition(tenantId, sendId);
        var end = from + count;
        var (first, last) = (from / MarkBlock, (end - 1) / MarkBlock);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {SendKeys.WaveMarkRow(channel, first)} and RowKey le {SendKeys.WaveMarkRow(channel, last)}");
        var until = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var mark in _recipients.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey", "Until"], cancellationToken: cancellationToken))
            until[mark.RowKey] = mark.GetInt32("Until") ?? 0;

        var taken = new List<(int From, int Until)>();
        var writes = new List<TableTransactionAction>();
        for (var block = first; block <= last; block++)
        {
            var key = SendKeys.WaveMarkRow(channel, block);
            var blockEnd = Math.Min(end, (block + 1) * MarkBlock);
            var before = until.GetValueOrDefault(key, 0);
            var start = Math.Max(from, block * MarkBlock);
            if (Math.Min(before, blockEnd) > start) taken.Add((start, Math.Min(before, blockEnd)));
            if (blockEnd > before)
                writes.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(partition, key) { ["Until"] = blockEnd }));
        }

        // Written before any outcome row of the range: a wave that crashes after this is read back as taken up.
        foreach (var chunk in writes.Chunk(100)) await _recipients.SubmitAsync(chunk, cancellationToken);
        return taken.Count == 0 ? WaveMarks.None : new WaveMarks(taken);
    }

    public async Task<WaveBatch> RecordBatchAsync(TenantId tenantId, SendId sendId, WaveBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch.Count, 1);
        if (batch.Members.Any(i => i < batch.From || i >= batch.From + batch.Count)) throw new ArgumentException("A batch member is outside its range.", nameof(batch));
        var members = new byte[(batch.Count + 7) / 8];
        foreach (var index in batch.Members) members[(index - batch.From) / 8] |= (byte)(1 << ((index - batch.From) % 8));
        var entity = new TableEntity(SendKeys.SendPartition(tenantId, sendId), SendKeys.BatchRow(batch.Channel, batch.From, batch.Count))
        {
            ["Batch"] = batch.Id,
            ["At"] = batch.At,
            ["From"] = batch.From,
            ["End"] = batch.From + batch.Count,
            ["Members"] = members,
        };
        if ((await _recipients.AddIfAbsentAsync(entity, cancellationToken)).IsOk) return batch;
        var stored = await _recipients.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        // Present a moment ago and gone now only if someone deleted the send's rows; then nothing may be sent.
        return stored.HasValue ? Batch(batch.Channel, stored.Value!) : throw new InvalidOperationException($"The batch row {entity.RowKey} of send {sendId} vanished.");
    }

    public async Task<IReadOnlyList<WaveBatch>> GetBatchesAsync(TenantId tenantId, SendId sendId, ContactChannel channel, int from, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Every batch starting before the range's end (a key range), then those ending after its start.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {SendKeys.SendPartition(tenantId, sendId)} and RowKey ge {SendKeys.BatchPrefix(channel)} and RowKey lt {SendKeys.BatchRow(channel, from + count, 0)} and End gt {from}");
        var batches = new List<WaveBatch>();
        await foreach (var e in _recipients.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            batches.Add(Batch(channel, e));
        return batches;
    }

    private static WaveBatch Batch(ContactChannel channel, TableEntity e)
    {
        var (from, end, members) = (e.GetInt32("From") ?? 0, e.GetInt32("End") ?? 0, e.GetBinary("Members") ?? []);
        var indices = Enumerable.Range(0, Math.Min(end - from, members.Length * 8)).Where(i => (members[i / 8] & (1 << (i % 8))) != 0).Select(i => from + i).ToList();
        return new WaveBatch(channel, from, end - from, e.GetString("Batch") ?? string.Empty, e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, indices);
    }

    public async Task<IReadOnlyDictionary<CustomerId, RecipientOutcome>> AddOutcomesAsync(
        TenantId tenantId, SendId sendId, IReadOnlyList<RecipientOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<CustomerId, RecipientOutcome>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entities = new List<TableEntity>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            if (outcome.SendId != sendId) throw new ArgumentException($"An outcome of send {outcome.SendId} is not one of send {sendId}.", nameof(outcomes));
            var entity = SendEntityMapper.ToEntity(tenantId, outcome);
            if (seen.Add(entity.RowKey)) entities.Add(entity);
        }

        foreach (var chunk in entities.Chunk(100))
        {
            var pending = chunk.ToList();
            while (pending.Count > 0)
            {
                var failure = await _outcomes.TrySubmitAsync(pending.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList(), cancellationToken);
                if (failure is null) break;
                if (failure.Status != 409) throw new TableBatchException(failure);
                if (failure.ActionIndex is not { } index || index < 0 || index >= pending.Count)
                {
                    // The service did not say which row exists: one insert each, as the single-row path does.
                    foreach (var entity in pending) await AddOneAsync(entity);
                    break;
                }

                await FoundAsync(pending[index]);
                pending.RemoveAt(index);
            }
        }

        return found;

        async Task AddOneAsync(TableEntity entity)
        {
            if (!(await _outcomes.AddIfAbsentAsync(entity, cancellationToken)).IsOk) await FoundAsync(entity);
        }

        async Task FoundAsync(TableEntity entity)
        {
            var current = await _outcomes.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            // Present a moment ago and gone now only if someone deleted the send's rows; then nothing may be sent.
            if (!current.HasValue) throw new InvalidOperationException($"The outcome row {entity.RowKey} of send {sendId} vanished.");
            var outcome = SendEntityMapper.OutcomeFromEntity(sendId, current.Value!);
            found[outcome.CustomerId] = outcome;
        }
    }
}
