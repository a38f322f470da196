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
